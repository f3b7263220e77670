import logging
import sys
logging.basicConfig()
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
log = logging.getLogger(__name__)
log.warning("to stderr %s", 1)
print("ok", log, logging.getLogger("sqlalchemy.engine"), logging.getLogger("sqlalchemy.engine.Engine").getEffectiveLevel())
app = logging.getLogger("app")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[%(levelname)s] %(name)s: %(message)s"))
app.addHandler(h)
app.setLevel(logging.DEBUG)
app.debug("user %s created with id=%d", "ann", 3)
app.getChild("db").info("child %(x)s", {"x": 5})
app.propagate = False
app.info("no root")
print(app.isEnabledFor(logging.DEBUG), logging.getLevelName(30), logging.getLevelName("INFO"), app.hasHandlers())
