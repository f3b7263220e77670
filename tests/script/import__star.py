# `from module import *`: the public names (or __all__) of a module, at module level only.
from math import *
print(sqrt(16), floor(2.5), pi > 3)
from collections import *
print(OrderedDict([("a", 1)]), Counter("aab").most_common(1))
