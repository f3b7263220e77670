from sqlalchemy import MetaData, Table, Column, Integer, update
t = Table('t', MetaData(), Column('id', Integer, primary_key=True), Column('n', Integer))
stmt = update(t, values={'n': 1})
