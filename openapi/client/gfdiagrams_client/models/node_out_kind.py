from enum import StrEnum


class NodeOutKind(StrEnum):
    H = "H"
    P = "p"

    def __str__(self) -> str:
        return str(self.value)
