"""Work spread over processes gives the same answers, in the same order, as in one."""

from sitekit.core.parallel import map_items


def square(number: int) -> int:
    return number * number


def test_the_same_results_in_one_process_and_in_several():
    numbers = list(range(50))
    assert map_items(square, numbers, parallel_from=1000, chunksize=8) == [n * n for n in numbers]
    assert map_items(square, numbers, parallel_from=10, chunksize=8) == [n * n for n in numbers]
    assert map_items(square, [], parallel_from=0, chunksize=8) == []
