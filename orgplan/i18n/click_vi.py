"""Click's own messages in Vietnamese (usage errors, "Error:", "Usage:").

Keyed by click's English text, as click passes it to ``gettext`` (click
8.x); :mod:`orgplan.commands.localised` puts these words in place of
click's while a command runs with ``--lang vi``. A message click does not
have is never looked up (``tests/test_i18n_cli.py`` checks each key
against click's source).
"""

CLICK_VI: dict[str, str] = {
    "Usage:": "Cách dùng:",
    # The help's headings and click's own options and notes.
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiển thị hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiển thị phiên bản rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    # The usage line's placeholders (click.Command.options_metavar and
    # click.Group.subcommand_metavar).
    "[OPTIONS]": "[TÙY CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": (
        "Xem '{command} {option}' để được hướng dẫn."
    ),
    "Aborted!": "Đã dừng!",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": (
        "Giá trị không hợp lệ cho {param_hint}: {message}"
    ),
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu lệnh.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Did you mean {possibility}?": "Ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": (
        "(Ý bạn là một trong: {possibilities}?)"
    ),
    "Option {name!r} does not take a value.": (
        "Tùy chọn {name!r} không nhận giá trị."
    ),
    "Option {name!r} requires an argument.": (
        "Tùy chọn {name!r} cần một giá trị."
    ),
    "Option {name!r} requires {nargs} arguments.": (
        "Tùy chọn {name!r} cần {nargs} giá trị."
    ),
    "Argument {name!r} takes {nargs} values.": (
        "Đối số {name!r} nhận {nargs} giá trị."
    ),
    "Got unexpected extra argument ({args})": (
        "Có đối số thừa không mong đợi ({args})"
    ),
    "Got unexpected extra arguments ({args})": (
        "Có các đối số thừa không mong đợi ({args})"
    ),
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": (
        "{value!r} không thuộc các giá trị {choices}."
    ),
    "{value!r} is not a valid {number_type}.": (
        "{value!r} không phải là số hợp lệ ({number_type})."
    ),
    "{value} is not in the range {range}.": (
        "{value} nằm ngoài khoảng {range}."
    ),
    "{name} {filename!r} does not exist.": (
        "{name} {filename!r} không tồn tại."
    ),
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": (
        "{name} {filename!r} là một thư mục."
    ),
    "{name} {filename!r} is not readable.": (
        "{name} {filename!r} không đọc được."
    ),
    "{name} {filename!r} is not writable.": (
        "{name} {filename!r} không ghi được."
    ),
    # Type names: in messages, and (upper case) the placeholders of
    # option values in the help.
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "text": "chuỗi",
    "integer": "số nguyên",
    "integer range": "số nguyên",
    "float": "số",
    "float range": "số",
    "Could not open file {filename!r}: {message}": (
        "Không mở được tệp {filename!r}: {message}"
    ),
}
