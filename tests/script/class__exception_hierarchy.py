class AppError(Exception):
    pass
class NotFound(AppError):
    pass
try:
    raise NotFound("missing")
except AppError as e:
    print(type(e).__name__, isinstance(e, Exception), e.args)
