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


# Every kind of destination: replaced atomically only when it is a regular file or new;
# written through otherwise; a symlink is never replaced by a file.

import stat
import threading

import pytest

from factcheck.errors import InputError


def _only(tmp_path, *names):
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no temporary file left


def test_new_path_is_created(tmp_path):
    path = tmp_path / "new.json"
    write_output("{}\n", str(path))
    assert path.read_text() == "{}\n"
    _only(tmp_path, "new.json")


def test_regular_file_is_replaced_and_keeps_its_mode(tmp_path):
    path = tmp_path / "r.sarif"
    path.write_text("old report, longer than the new one\n")
    path.chmod(0o640)
    inode = path.stat().st_ino
    write_output("new\n", str(path))
    assert path.read_text() == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # renamed over: a reader never sees half a file
    _only(tmp_path, "r.sarif")


def test_symlink_stays_a_link_and_its_target_is_written(tmp_path):
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "latest.txt"
    target.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_output("new\n", str(link))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new\n"
    _only(tmp_path, "reports", "link.txt")
    assert [p.name for p in (tmp_path / "reports").iterdir()] == ["latest.txt"]


def test_relative_and_dangling_symlink_creates_the_target(tmp_path):
    link = tmp_path / "out.txt"
    link.symlink_to("made-later.txt")
    write_output("x\n", str(link))
    assert link.is_symlink() and (tmp_path / "made-later.txt").read_text() == "x\n"


def test_chain_of_symlinks_to_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "hop").symlink_to(fifo)
    (tmp_path / "out").symlink_to(tmp_path / "hop")
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo).read()))
    reader.start()
    write_output("through the pipe\n", str(tmp_path / "out"))
    reader.join(timeout=30)
    assert got == ["through the pipe\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and (tmp_path / "out").is_symlink()


def test_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo).read()))
    reader.start()
    write_output("report\n", str(fifo))
    reader.join(timeout=30)
    assert got == ["report\n"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not os.access("/dev/null", os.W_OK), reason="/dev/null is not writable here")
def test_dev_null_stays_a_device():
    write_output("nothing\n", "/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_folder_is_refused_in_one_line(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        write_output("x", str(tmp_path))


def test_missing_folder_is_refused_in_one_line(tmp_path):
    with pytest.raises(InputError, match="cannot write the report"):
        write_output("x", str(tmp_path / "nope" / "r.txt"))
