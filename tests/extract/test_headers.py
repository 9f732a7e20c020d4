import pytest

from panel_papers.extract.headers import (
    ACTUAL,
    ENGLAND,
    FLOOR,
    LONDON,
    REGION,
    STATISTICAL_NEIGHBOURS,
    TARGET,
    interpret_header,
    is_pure_series_header,
    learn_council_names,
)

NAMES = ["Barnet"]


@pytest.mark.parametrize(
    "text, series, period",
    [
        ("Statistical Neighbour Average 2020/21", STATISTICAL_NEIGHBOURS, "2020-21"),
        ("SN avg Q1 19/20", STATISTICAL_NEIGHBOURS, "2019-20 Q1"),
        ("Stat Neighbours 2019-20", STATISTICAL_NEIGHBOURS, "2019-20"),
        ("England average 15/16", ENGLAND, "2015-16"),
        ("National 2019/20", ENGLAND, "2019-20"),
        ("London 2019/20", LONDON, "2019-20"),
        ("Outer London average 2019/20", LONDON, "2019-20"),
        ("Regional average 2019/20", REGION, "2019-20"),
        ("Floor standard 2019", FLOOR, "2019"),
        ("Barnet 2018-19", ACTUAL, "2018-19"),
        ("BARNET 2018-19", ACTUAL, "2018-19"),
        ("Barnet target 2021/22", TARGET, "2021-22"),
        ("Target 2019/20", TARGET, "2019-20"),
        ("Barnet actual Q2 2021-22", ACTUAL, "2021-22 Q2"),
        ("Q1 19/20", None, "2019-20 Q1"),
    ],
)
def test_interpret_header(text, series, period):
    meaning = interpret_header(text, NAMES)
    assert (meaning.series, meaning.period.label) == (series, period)


def test_header_note():
    assert interpret_header("Barnet 15/16 (provisional)", NAMES).note == "provisional"


def test_pure_series_headers():
    assert is_pure_series_header("England average", NAMES)
    assert is_pure_series_header("Barnet", NAMES)
    assert not is_pure_series_header("Target for RHA's CNWL 100%", NAMES)


def test_learn_council_name_from_headers_not_comparators():
    headers = ["Ref", "Measure", "SN avg 2019/20", "England 2019/20", "Tower Hamlets 2018/19",
               "Tower Hamlets 2019/20", "Tower Hamlets Target 2020/21", "London 2019/20"]
    assert learn_council_names(headers) == ["Tower Hamlets"]


def test_learn_council_name_from_prose_when_headers_do_not_say():
    texts = ["Report of the Director\nKingston upon Thames Council\n", "Kingston upon Thames Council agreed"]
    assert learn_council_names(["2019/20", "2020/21"], texts) == ["Kingston Upon Thames"]
