"""Lý do các đơn vị không được hợp nhất hay nhập vào cấp trên (tiếng
Việt), cùng khóa với :mod:`orgplan.i18n.obstacles_en`.
"""

OBSTACLES: dict[str, str] = {
    "obstacle_kinds": (
        "{unit} ({kind}) không được hợp nhất vào {rep} ({rep_kind})"
    ),
    "obstacle_within": (
        "{unit} không được hợp nhất vào {rep}: kịch bản chỉ cho hợp nhất "
        "trong cùng một {rule}, mà hai đơn vị khác {rule}"
    ),
    "obstacle_adjacent": (
        "{unit} không được hợp nhất vào {rep}: kịch bản chỉ cho hợp nhất "
        "các đơn vị cùng địa bàn hoặc địa bàn liền kề"
    ),
    "obstacle_rule_parent": "đơn vị cấp trên",
    "obstacle_rule_locality": "địa bàn",
    "obstacle_rule_sector": "lĩnh vực",
    "obstacle_unrelated": (
        "{unit} không được hợp nhất vào {rep}: công việc không liên quan "
        "({why}, mức tương đồng {similarity})"
    ),
    "relation_different_families": (
        "không có chức năng hay nhóm chức năng chung"
    ),
    "relation_different_service": "khác loại hình dịch vụ sự nghiệp",
    "relation_different_support": (
        "đơn vị tham mưu chung (văn phòng, thanh tra, kế hoạch - tài chính) "
        "chỉ hợp nhất với đơn vị cùng loại"
    ),
    "relation_different_sectors": "khác lĩnh vực",
    "relation_below_min_similarity": (
        "mức tương đồng dưới mức tối thiểu của kịch bản"
    ),
    "obstacle_fold_kind": (
        "{unit} được nhập vào cấp trên nhưng {kind} không được nhập"
    ),
    "obstacle_fold_parent": (
        "{unit} được nhập vào {into}, không phải đơn vị cấp trên trực tiếp "
        "của nó ({parent})"
    ),
    "obstacle_no_parent": "không có",
    "obstacle_fold_worth": (
        "{unit} được nhập vào cấp trên nhưng không phải đơn vị trung gian "
        "(không có đơn vị trực thuộc) cũng không dưới số biên chế tối thiểu "
        "của loại đơn vị này"
    ),
    "obstacle_not_a_unit": "{unit} không phải là một đơn vị",
    "obstacle_not_free": (
        "{unit} bị khóa hoặc thuộc loại đơn vị ngoài phạm vi kịch bản"
    ),
    "obstacle_group_size": (
        "số thành viên vượt scope.max_group_size ({most})"
    ),
    "obstacle_no_merges": "kịch bản không cho phép hợp nhất",
    "obstacle_must_not_merge": "nhóm có một cặp must_not_merge",
}
