import sys
print(sys.version.split()[0], sys.maxsize)
