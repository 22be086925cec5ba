from enum import StrEnum


class SeriesMode(StrEnum):
    EXACT = "exact"
    EXTREME = "extreme"
    LEADING = "leading"

    def __str__(self) -> str:
        return str(self.value)
