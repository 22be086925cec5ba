from enum import StrEnum


class Kernel(StrEnum):
    AUTO = "auto"
    DENSE = "dense"
    GRAM = "gram"
    MTTKRP = "mttkrp"

    def __str__(self) -> str:
        return str(self.value)
