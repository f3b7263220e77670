def shout(fn):
    def wrapper(*args):
        return fn(*args).upper()
    return wrapper
@shout
def hello(name):
    return "hello " + name
print(hello("world"))
