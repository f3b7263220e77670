import os
os.remove('x')
