-- Demo directory (demo profile only): two frontline companies with two projects each, a few
-- buildings, units and owners, and two contractors. Idempotent: re-running adds only what is missing.

INSERT INTO company (code, name, city, hotline)
SELECT v.code, v.name, v.city, v.hotline
FROM (VALUES ('sz', '深圳公司', '深圳', '0755-83000000'),
             ('sh', '上海公司', '上海', '021-62000000')) AS v (code, name, city, hotline)
WHERE NOT EXISTS (SELECT 1 FROM company c WHERE c.code = v.code);

INSERT INTO project (code, company_code, name, address)
SELECT v.code, v.company_code, v.name, v.address
FROM (VALUES ('sz-sjhc', 'sz', '四季花城', '深圳市龙岗区坂田街道'),
             ('sz-dha',  'sz', '东海岸',   '深圳市盐田区大梅沙'),
             ('sh-jyhf', 'sh', '金域华府', '上海市闵行区七宝镇'),
             ('sh-lqsf', 'sh', '兰乔圣菲', '上海市闵行区华漕镇')) AS v (code, company_code, name, address)
WHERE NOT EXISTS (SELECT 1 FROM project p WHERE p.code = v.code);

INSERT INTO building (code, project_code, name)
SELECT v.code, v.project_code, v.name
FROM (VALUES ('sz-sjhc-01', 'sz-sjhc', '1栋'),
             ('sz-sjhc-02', 'sz-sjhc', '2栋'),
             ('sz-dha-a',   'sz-dha',  'A座'),
             ('sh-jyhf-03', 'sh-jyhf', '3号楼'),
             ('sh-jyhf-05', 'sh-jyhf', '5号楼'),
             ('sh-lqsf-12', 'sh-lqsf', '12号楼')) AS v (code, project_code, name)
WHERE NOT EXISTS (SELECT 1 FROM building b WHERE b.code = v.code);

INSERT INTO unit (code, building_code, room_no, floor_no, area_sqm)
SELECT v.code, v.building_code, v.room_no, v.floor_no, v.area_sqm
FROM (VALUES ('sz-sjhc-01-0801', 'sz-sjhc-01', '0801', 8, 89.50),
             ('sz-sjhc-01-1202', 'sz-sjhc-01', '1202', 12, 112.30),
             ('sz-sjhc-02-0303', 'sz-sjhc-02', '0303', 3, 76.00),
             ('sz-sjhc-01-0802', 'sz-sjhc-01', '0802', 8, 89.50),
             ('sz-sjhc-01-0901', 'sz-sjhc-01', '0901', 9, 89.50),
             ('sz-sjhc-01-1001', 'sz-sjhc-01', '1001', 10, 89.50),
             ('sz-sjhc-02-0501', 'sz-sjhc-02', '0501', 5, 76.00),
             ('sz-sjhc-02-0601', 'sz-sjhc-02', '0601', 6, 76.00),
             ('sz-sjhc-02-0701', 'sz-sjhc-02', '0701', 7, 76.00),
             ('sz-dha-a-2101',   'sz-dha-a',   '2101', 21, 143.80),
             ('sz-dha-a-2102',   'sz-dha-a',   '2102', 21, 143.80),
             ('sh-jyhf-03-0602', 'sh-jyhf-03', '0602', 6, 98.20),
             ('sh-jyhf-05-1101', 'sh-jyhf-05', '1101', 11, 125.00),
             ('sh-lqsf-12-0101', 'sh-lqsf-12', '0101', 1, 268.00)) AS v (code, building_code, room_no, floor_no, area_sqm)
WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.code = v.code);

INSERT INTO owner (name, phone, email)
SELECT v.name, v.phone, v.email
FROM (VALUES ('张伟', '13800000001', 'zhangwei@example.com'),
             ('李娜', '13800000002', NULL),
             ('王强', '13800000003', 'wangqiang@example.com'),
             ('刘洋', '13800000004', NULL),
             ('陈静', '13800000005', 'chenjing@example.com'),
             ('杨帆', '13900000006', NULL),
             ('赵敏', '13900000007', 'zhaomin@example.com'),
             ('孙磊', '13900000008', NULL),
             ('周婷', '13800000012', NULL),
             ('吴昊', '13800000013', NULL),
             ('郑爽', '13800000014', NULL),
             ('冯刚', '13800000015', NULL),
             ('褚红', '13800000016', NULL),
             ('卫东', '13800000017', NULL)) AS v (name, phone, email)
WHERE NOT EXISTS (SELECT 1 FROM owner o WHERE o.phone = v.phone);

INSERT INTO unit_owner (unit_code, owner_id, is_primary)
SELECT v.unit_code, o.id, TRUE
FROM (VALUES ('sz-sjhc-01-0801', '13800000001'),
             ('sz-sjhc-01-1202', '13800000002'),
             ('sz-sjhc-02-0303', '13800000003'),
             ('sz-sjhc-01-0802', '13800000012'),
             ('sz-sjhc-01-0901', '13800000013'),
             ('sz-sjhc-01-1001', '13800000014'),
             ('sz-sjhc-02-0501', '13800000015'),
             ('sz-sjhc-02-0601', '13800000016'),
             ('sz-sjhc-02-0701', '13800000017'),
             ('sz-dha-a-2101',   '13800000004'),
             ('sz-dha-a-2102',   '13800000005'),
             ('sh-jyhf-03-0602', '13900000006'),
             ('sh-jyhf-05-1101', '13900000007'),
             ('sh-lqsf-12-0101', '13900000008')) AS v (unit_code, phone)
JOIN owner o ON o.phone = v.phone
WHERE NOT EXISTS (SELECT 1 FROM unit_owner uo WHERE uo.unit_code = v.unit_code AND uo.owner_id = o.id);

INSERT INTO contractor (code, name, trade, contact_name, contact_phone)
SELECT v.code, v.name, v.trade, v.contact_name, v.contact_phone
FROM (VALUES ('pengcheng', '深圳鹏程防水工程有限公司', '防水', '周工', '13700000011'),
             ('shenda',    '上海申达门窗装饰有限公司', '门窗', '吴工', '13700000012')) AS v (code, name, trade, contact_name, contact_phone)
WHERE NOT EXISTS (SELECT 1 FROM contractor c WHERE c.code = v.code);
