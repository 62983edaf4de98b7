"""The one rule that masks a person's name, wherever a name is shown masked (issue #15 item 8)."""

import pytest

from chalicelib.services.identity import mask_name


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("王", "王*"),
        ("王五", "王*"),
        ("欧阳䶮", "欧*䶮"),
        ("欧阳小明", "欧**明"),
        ("阿依·吐尔逊", "阿*·**逊"),
        (" 王小明 ", "王*明"),
        ("", "*"),
    ],
)
def test_first_and_last_character_are_kept(name: str, masked: str) -> None:
    assert mask_name(name) == masked
