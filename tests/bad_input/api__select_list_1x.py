from sqlalchemy import MetaData, Table, Column, Integer, select
t = Table('t', MetaData(), Column('id', Integer, primary_key=True))
stmt = select([t])
