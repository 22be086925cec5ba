from enum import StrEnum


class Preset(StrEnum):
    ASYM3_FREE_OVER = "asym3-free-over"
    ASYM3_FREE_UNDER = "asym3-free-under"
    SYM2_GENERAL = "sym2-general"
    SYM2_LOWNOISE_UNDER = "sym2-lownoise-under"
    SYM2_NARAYANA_H1024 = "sym2-narayana-H1024"
    SYM2_NARAYANA_H256 = "sym2-narayana-H256"
    SYM2_NARAYANA_H512 = "sym2-narayana-H512"
    SYM2_NOISY_OVER = "sym2-noisy-over"
    SYM2_NOISY_UNDER = "sym2-noisy-under"
    SYM4_ASCENT_HIGH_NOISE = "sym4-ascent-high-noise"
    SYM4_ASCENT_LOW_NOISE = "sym4-ascent-low-noise"
    SYM4_FREE_OVER = "sym4-free-over"
    SYM4_FREE_UNDER = "sym4-free-under"

    def __str__(self) -> str:
        return str(self.value)
