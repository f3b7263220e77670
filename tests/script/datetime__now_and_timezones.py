import datetime as dtm
from datetime import datetime, date, timezone, timedelta
import time
n = datetime.now()
print(type(n), type(datetime.utcnow()), type(date.today()))
print(isinstance(n, datetime), isinstance(n, date))
u = datetime.now(timezone.utc)
print(u.tzinfo, repr(u.tzinfo), u.utcoffset())
print(abs((u - datetime(2020, 1, 1, tzinfo=timezone.utc)).days) > 100)
print(type(time.time()), time.time() > 1.7e9)
print(datetime.now() >= n, n.tzinfo)
d = datetime(2024, 5, 17, 13, 4, 5, tzinfo=timezone.utc)
print(repr(d), d, d.isoformat())
print(repr(datetime(2024, 5, 17, tzinfo=timezone(timedelta(hours=2)))))
print(str(timezone(timedelta(hours=-5, minutes=-30))))
try:
    d < datetime(2024, 1, 1)
except TypeError as e:
    print(e)
print(d == datetime(2024, 5, 17, 13, 4, 5))
print(datetime.fromtimestamp(0, timezone.utc))
print(datetime(2024, 5, 17, 13, 4, 5, tzinfo=timezone.utc).timestamp())
print(datetime.now().date() == date.today())
print(date.today() - date(2000, 1, 1) > timedelta(days=9000))
print(datetime(2024,1,1,tzinfo=timezone(timedelta(hours=3))) == datetime(2023,12,31,21,tzinfo=timezone.utc))
print(datetime(2024,1,1,12).astimezone(timezone.utc))
print(dtm.UTC is timezone.utc)
print(datetime.now(timezone.utc).replace(tzinfo=None) - datetime.utcnow() < timedelta(seconds=5))
