from math import sqrt as root, pi
import math as m
print(root(81), round(pi, 3), m.e > 2)
