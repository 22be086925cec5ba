from enum import StrEnum


class SeriesMode(StrEnum):
    EXACT = "exact"
    LEADING = "leading"

    def __str__(self) -> str:
        return str(self.value)
