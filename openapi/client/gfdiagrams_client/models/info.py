from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.array_backend import ArrayBackend
    from ..models.info_stats import InfoStats
    from ..models.limits import Limits
    from ..models.storage import Storage
    from ..models.workers import Workers


T = TypeVar("T", bound="Info")


@_attrs_define
class Info:
    """
    Attributes:
        service (str):
        version (str):
        python (str):
        limits (Limits):
        formats (list[str]):
        array_backends (list[ArrayBackend]):
        storage (Storage):
        workers (Workers):
        task_kinds (list[str]):
        stats (InfoStats): counters since start: computations, store_hits…
    """

    service: str
    version: str
    python: str
    limits: Limits
    formats: list[str]
    array_backends: list[ArrayBackend]
    storage: Storage
    workers: Workers
    task_kinds: list[str]
    stats: InfoStats
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        version = self.version

        python = self.python

        limits = self.limits.to_dict()

        formats = self.formats

        array_backends = []
        for array_backends_item_data in self.array_backends:
            array_backends_item = array_backends_item_data.to_dict()
            array_backends.append(array_backends_item)

        storage = self.storage.to_dict()

        workers = self.workers.to_dict()

        task_kinds = self.task_kinds

        stats = self.stats.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "version": version,
                "python": python,
                "limits": limits,
                "formats": formats,
                "array_backends": array_backends,
                "storage": storage,
                "workers": workers,
                "task_kinds": task_kinds,
                "stats": stats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.array_backend import ArrayBackend  # noqa: PLC0415
        from ..models.info_stats import InfoStats  # noqa: PLC0415
        from ..models.limits import Limits  # noqa: PLC0415
        from ..models.storage import Storage  # noqa: PLC0415
        from ..models.workers import Workers  # noqa: PLC0415

        d = dict(src_dict)
        service = d.pop("service")

        version = d.pop("version")

        python = d.pop("python")

        limits = Limits.from_dict(d.pop("limits"))

        formats = cast(list[str], d.pop("formats"))

        array_backends = []
        _array_backends = d.pop("array_backends")
        for array_backends_item_data in _array_backends:
            array_backends_item = ArrayBackend.from_dict(array_backends_item_data)

            array_backends.append(array_backends_item)

        storage = Storage.from_dict(d.pop("storage"))

        workers = Workers.from_dict(d.pop("workers"))

        task_kinds = cast(list[str], d.pop("task_kinds"))

        stats = InfoStats.from_dict(d.pop("stats"))

        info = cls(
            service=service,
            version=version,
            python=python,
            limits=limits,
            formats=formats,
            array_backends=array_backends,
            storage=storage,
            workers=workers,
            task_kinds=task_kinds,
            stats=stats,
        )

        info.additional_properties = d
        return info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
