# tutorialspoint-style: declarative_base + Column, backref(), legacy Query joins, aggregates,
# a grouped subquery outer-joined back, get/update/delete through the Query.
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, func, and_, or_, desc
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import sessionmaker, relationship, backref

engine = create_engine('sqlite:///:memory:')
Base = declarative_base()

class Customer(Base):
    __tablename__ = 'customers'
    id = Column(Integer, primary_key=True)
    name = Column(String)
    address = Column(String)
    email = Column(String)

class Invoice(Base):
    __tablename__ = 'invoices'
    id = Column(Integer, primary_key=True)
    custid = Column(Integer, ForeignKey('customers.id'))
    invno = Column(Integer)
    amount = Column(Integer)
    customer = relationship("Customer", backref=backref("invoices"))

Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
c1 = Customer(name="Gopal Krishna", address="Bank Street Hydarebad", email="gk@gmail.com")
c1.invoices = [Invoice(invno=10, amount=15000), Invoice(invno=14, amount=3850)]
session.add(c1)
session.add_all([
   Customer(name='Komal Pande', address='Koti, Hyderabad', email='komal@gmail.com', invoices=[Invoice(invno=7, amount=12000)]),
   Customer(name='Rajender Nath', address='Sector 40, Gurgaon', email='nath@gmail.com'),
   Customer(name='S.M.Krishna', address='Budhwar Peth, Pune', email='smk@gmail.com')])
session.commit()
for c, i in session.query(Customer, Invoice).filter(Customer.id == Invoice.custid).all():
    print("ID: {} Name: {} Invoice No: {} Amount: {}".format(c.id, c.name, i.invno, i.amount))
result = session.query(Customer).join(Invoice).filter(Invoice.amount == 12000)
for row in result:
    for inv in row.invoices:
        print(row.id, row.name, inv.invno, inv.amount)
print(session.query(Customer).filter(Customer.name.like('Ra%')).count())
for row in session.query(Customer).filter(or_(Customer.id > 2, Customer.name.like('Ra%'))).order_by(desc(Customer.name)):
    print(row.id, row.name)
print(session.query(func.count(Invoice.id), func.sum(Invoice.amount)).one())
stmt = session.query(Invoice.custid, func.count('*').label('invoice_count')).group_by(Invoice.custid).subquery()
for u, count in session.query(Customer, stmt.c.invoice_count).outerjoin(stmt, Customer.id == stmt.c.custid).order_by(Customer.id):
    print(u.name, count)
print(session.query(Invoice).filter(Invoice.custid == 1).first().customer.name)
x = session.query(Customer).get(2)
x.address = 'Banjara Hills Secunderabad'
session.commit()
session.query(Customer).filter(Customer.id != 2).update({Customer.name: "Mr." + Customer.name}, synchronize_session=False)
print([c.name for c in session.query(Customer).order_by(Customer.id).all()])
session.delete(x)
session.commit()
print(session.query(Invoice).filter(Invoice.custid == None).count())
print([c.id for c in session.query(Customer).filter(Customer.id.in_([1, 3])).all()])
print(session.query(Customer.name).filter_by(id=1).scalar())
print(session.query(Customer).filter(and_(Customer.id > 1, Customer.id < 4)).count())
