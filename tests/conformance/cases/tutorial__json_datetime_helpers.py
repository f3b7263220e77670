import json
from datetime import datetime, date, timedelta, timezone
import datetime as dt
from decimal import Decimal
from enum import IntEnum
import uuid
import copy

class JSONEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime, date)):
            return o.isoformat()
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)

payload = {"when": datetime(2024, 1, 2, 3, 4, 5), "d": date(2024, 2, 29), "amt": Decimal("1.50")}
print(json.dumps(payload, cls=JSONEncoder))
print(json.dumps(payload, default=str))
try:
    json.dumps({"x": object()})
except TypeError as e:
    print(e)
print(json.loads('{"a": [1, 2.5, null, true], "b": "\\u00e9"}'))
d1 = datetime(2024, 3, 10, 12, 30)
print(d1 + timedelta(days=1, hours=2), d1 - timedelta(weeks=1), (d1 - datetime(2024, 1, 1)).days)
print(d1.strftime("%Y-%m-%d %H:%M"), d1.date(), d1.time(), d1.weekday(), d1.isoformat())
print(datetime.fromisoformat("2024-05-06T07:08:09"), date.fromisoformat("2024-05-06"))
print(d1.replace(tzinfo=timezone.utc).isoformat(), dt.timezone(timedelta(hours=5, minutes=30)))
print(sorted([date(2024, 1, 3), date(2023, 5, 1)]), max(d1, datetime(2025, 1, 1)))
print(timedelta(hours=36), timedelta(seconds=90).total_seconds(), timedelta(days=-1))
print(d1.timestamp() if False else "skip", datetime.combine(date(2024, 1, 1), dt.time(9, 30)))
class Level(IntEnum):
    LOW = 1
    HIGH = 3
print(Level.HIGH > Level.LOW, Level(3), int(Level.LOW), sorted([Level.HIGH, Level.LOW]))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, str(uuid.uuid4())[14])
a = {"k": [1, {"z": 2}]}
b = copy.deepcopy(a)
b["k"][1]["z"] = 3
print(a, b, copy.copy(a) == a)
print(d1.strftime("%d/%m/%y %I:%M %p %A %B %j"))
for v in [datetime(2024, 1, 1, 0, 5), datetime(2023, 12, 31, 23, 59, 59, 123), date(2024, 7, 4), datetime(2024, 3, 10, 12, 30, tzinfo=timezone.utc)]:
    print(v.strftime("%a %A %b %B %d %e %H %I %M %S %f %p %j %w %u %U %W %D %F %T %R %c %x %X %z %Z %% %y %m"))
print(dt.time(13, 5).strftime("%H:%M %p"), f"{datetime(2024, 1, 2):%Y/%m/%d}", format(date(2024, 1, 2), "%d.%m"))
