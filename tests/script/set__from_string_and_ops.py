vowels = set("aeiou")
word = "education"
print(sorted(vowels & set(word)), sorted(set(word) - vowels), len(set(word)))
