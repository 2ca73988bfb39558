"""Identifiers with correct check characters (computed once with python-stdnum)."""

USCC_PLATFORM = "91330108MA2H2KXX0K"  # 杭州某网络科技有限公司 (platform operator)
USCC_ROOM = "91330106MA27XW1Y14"  # 杭州某电子商务有限公司 (room operator)
USCC_INDIVIDUAL = "92330106MA2KD0L1XE"  # 个体工商户
RIC_MARKETER = "330106199001011248"  # natural person, numeric check digit
RIC_X = "11010519491231002X"  # check character X
