import math
print(math.sqrt(2), math.floor(3.7), math.ceil(3.2), math.pi)
print(math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.factorial(6))
