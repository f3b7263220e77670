# create_engine with a MySQL URL (default driver mysqlclient) and with an explicit driver.
from sqlalchemy import create_engine

try:
    create_engine("mysql+pymysql://u:p@localhost/db")
except Exception as e:
    print(type(e).__module__, type(e).__name__, e)
engine = create_engine("mysql://u:p@localhost/db")
