import statistics
import string
from statistics import mean, median, mode, stdev, pstdev, variance, StatisticsError

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(mean(data), median(data), mode(data), pstdev(data), statistics.pvariance(data))
print(round(stdev(data), 6), round(variance(data), 6), statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(mean([1.5, 2.5]), median([3, 1, 2]), statistics.multimode("aabbc"), statistics.fmean([1, 2, 4]))
for f in (mean, median, mode):
    try:
        f([])
    except StatisticsError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
try:
    stdev([1])
except StatisticsError as e:
    print(e)
print(string.ascii_lowercase, string.digits, string.hexdigits)
print(string.ascii_uppercase[:5], len(string.punctuation), string.capwords("hello   big world"))
