s = "hello World"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "  ".isspace(), "ABC".isupper(), "abc".islower())
