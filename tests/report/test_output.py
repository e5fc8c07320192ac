import os

from factcheck.output import write_output


def test_output_file_gets_umask_mode(tmp_path):
    path = tmp_path / "r.txt"
    write_output("x\n", str(path))
    umask = os.umask(0)
    os.umask(umask)
    assert path.read_text() == "x\n"
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]
