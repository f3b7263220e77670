from datetime import date, datetime, timedelta
d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d.isoformat(), d.weekday())
dt = datetime(2024, 1, 1, 12, 30)
print(dt, repr(dt), dt + timedelta(minutes=45))
print((date(2024, 3, 1) - date(2024, 1, 1)).days, date(2024, 1, 1) < d)
