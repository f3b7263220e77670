# str.upper/lower/swapcase/title/capitalize beyond ASCII (SessionLab's own case tables).
words = ["straße", "İstanbul", "ǅemal", "ﬁne", "ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ.", "ΣΑΣ!", "Ἀθῆναι",
         "Ωμέγα", "Москва", "ǰ", "ŉ", "Ꭰꭰ", "𐐀𐐨", "ÀÉÎõü", "µ", "ÿ", "ﬃ", "ΐ", "ᾳ", "中文"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.swapcase()))
print("ΣΣ".capitalize(), "σΣ".lower(), "A'Σ".lower(), "AΣ'B".lower())
print("héllo wörld 2nd".title(), "élan".capitalize(), "hello2world".title())
print("ΟΔΟΣ".lower() == "οδος", "Straße".upper() == "STRASSE", len("ﬃ".upper()))
print(sorted(["b", "A", "ä", "Z"], key=lambda s: s.lower()))
