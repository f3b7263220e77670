# source: doc/build/orm/quickstart.rst, section "Create an Engine"

# --- doc/build/orm/quickstart.rst: "Create an Engine" ---
from sqlalchemy import create_engine
engine = create_engine("sqlite://", echo=True)
