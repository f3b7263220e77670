class O:
    pass
o = O()
setattr(o, "x", 5)
print(getattr(o, "x"), getattr(o, "y", "default"), hasattr(o, "x"), hasattr(o, "y"))
