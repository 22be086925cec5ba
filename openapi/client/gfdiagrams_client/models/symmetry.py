from enum import StrEnum


class Symmetry(StrEnum):
    ASYM = "asym"
    SYM = "sym"

    def __str__(self) -> str:
        return str(self.value)
