from typing import Optional, List, Dict
def f(x: Optional[int] = None) -> List[int]:
    return [x or 0]
d: Dict[str, int] = {"a": 1}
print(f(), f(5), d)
