from enum import StrEnum


class DiagramFormat(StrEnum):
    DOT = "dot"
    GRAPHML = "graphml"
    JSON = "json"
    SVG = "svg"

    def __str__(self) -> str:
        return str(self.value)
