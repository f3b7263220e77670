from sqlalchemy import create_engine
engine = create_engine('postgresql://u:p@db.example.com/x')
