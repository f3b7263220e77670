class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed
try:
    raise InsufficientFunds(30)
except InsufficientFunds as e:
    print("caught:", e, e.needed, type(e).__name__)
