class Account:
    def __init__(self):
        self.balance = 0
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"cannot withdraw {amount}")
        self.balance -= amount
Account().withdraw(10)
