print("ab" * 3, 2 * "x", "ell" in "hello", "z" not in "hello", "" in "abc")
