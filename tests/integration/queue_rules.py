"""The queue's rules written again from docs/FLOWS.md (Queue rules), apart
from the SQL, for the tests that check a round's result by them."""

AGE_GROUPS = [("nursery", 12, 24), ("junior", 24, 36), ("middle", 36, 48),
              ("senior", 48, 60), ("preschool", 60, 84)]


def position_of(rank, i, e, p, o):
    """The place of the i-th child of its rank in a partition of e
    extraordinary, p priority and o ordinary children: the extraordinary
    first, then one priority child before each three ordinary ones."""
    if rank == 0:
        return i
    if rank == 1:
        return e + (i - 1) + min(3 * (i - 1), o) + 1
    return e + min((i + 2) // 3, p) + (i - 1) + 1


def cohort(birth_year, school_year):
    """The age group of a birth year in the school year starting then."""
    months = 12 * (school_year - birth_year)
    for code, lo, hi in AGE_GROUPS:
        if lo <= months < hi:
            return code
    return None


def positions(inputs):
    """Sets each input's position (dicts with queue_type, correction_type,
    birth_year, rank, filed_at, seq) in its partition by the rules."""
    parts = {}
    for a in inputs:
        parts.setdefault((a["queue_type"], a["correction_type"], a["birth_year"]), []).append(a)
    for members in parts.values():
        sizes = [sum(1 for a in members if a["rank"] == r) for r in range(3)]
        for r in range(3):
            mine = sorted((a for a in members if a["rank"] == r),
                          key=lambda a: (a["filed_at"], a["seq"]))
            for i, a in enumerate(mine, 1):
                a["position"] = position_of(r, i, *sizes)
