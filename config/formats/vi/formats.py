"""Vietnamese dates that read naturally alone and inside a sentence.

Django's Vietnamese DATE_FORMAT starts with a capitalised "Ngày" ("Ngày 04 tháng 12 năm 2025"),
but our sentences say "ngày" themselves ("Gửi đề nghị ngày %(date)s"), which gave "ngày Ngày 04
tháng 12". Here a date is "4 tháng 12 năm 2025", fine both after "ngày" and in a table cell, and a
date with a time reads "4 tháng 12 năm 2025 lúc 17:00" (date first, as in "ngày … lúc …"). Short
dates use the slashes people write in Vietnam. Everything not set here is Django's.
"""

# Letters that are format characters are escaped (see Django's `date` filter).
DATE_FORMAT = r"j \t\h\á\n\g n \n\ă\m Y"
DATETIME_FORMAT = r"j \t\h\á\n\g n \n\ă\m Y \l\ú\c H:i"
YEAR_MONTH_FORMAT = r"F \n\ă\m Y"
MONTH_DAY_FORMAT = r"j \t\h\á\n\g n"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
