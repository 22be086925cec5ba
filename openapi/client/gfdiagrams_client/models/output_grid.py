from enum import StrEnum


class OutputGrid(StrEnum):
    LINEAR = "linear"
    LOG = "log"

    def __str__(self) -> str:
        return str(self.value)
