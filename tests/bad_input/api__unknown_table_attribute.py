from sqlalchemy import MetaData, Table, Column, Integer
t = Table('t', MetaData(), Column('id', Integer, primary_key=True))
print(t.c.nope)
