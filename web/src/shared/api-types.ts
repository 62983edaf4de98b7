/**
 * Generated from the API's OpenAPI document (GET /api/openapi.json) by openapi-typescript: do not edit.
 * Regenerate with `.venv/bin/python -m scripts.openapi_types` after changing a schema or a route; `make test` checks it is current.
 * Friendly names for these schemas are in ./types.ts.
 */

export interface paths {
    "/api/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号列表 */
        get: operations["get_accounts"];
        put?: never;
        /** 创建账号 */
        post: operations["post_accounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号详情 */
        get: operations["get_accounts_username"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{username}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置下级账号密码 */
        post: operations["post_accounts_username_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{username}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用账号 */
        post: operations["post_accounts_username_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{username}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 启用账号 */
        post: operations["post_accounts_username_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/attendance/{session_id}/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 扫码后的签到/签退页面信息 */
        get: operations["get_public_attendance_session_id_kind"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/attendance/{session_id}/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 学员签到（幂等；同一身份证号码后四位每场每天最多新建20条签到记录） */
        post: operations["post_public_attendance_session_id_sign_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/attendance/{session_id}/sign-out/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签退前核对身份（按来源限流；同一号码失败5次锁定24小时） */
        post: operations["post_public_attendance_session_id_sign_out_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/attendance/{session_id}/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 学员签退（含问卷，幂等；与核对身份共用限流与失败次数） */
        post: operations["post_public_attendance_session_id_sign_out"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/attendance/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 签到、签退二维码（当前有效的链接与图形）与时间窗口 */
        get: operations["get_sessions_session_id_attendance_codes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/attendance/codes/{kind}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载二维码（PNG、SVG 或 A4 海报 PDF） */
        get: operations["get_sessions_session_id_attendance_codes_kind_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 学员签到情况（实时人数与标记人数） */
        get: operations["get_sessions_session_id_attendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/attendance/attendees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 学员名单（按签到先后分页，含状态与标记） */
        get: operations["get_sessions_session_id_attendance_attendees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/attendance/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导出学员签到名单（Excel，后台任务） */
        post: operations["post_sessions_session_id_attendance_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/attendance/questionnaire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 签退问卷统计 */
        get: operations["get_sessions_session_id_attendance_questionnaire"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/attendance/rejections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 异常扫码记录 */
        get: operations["get_sessions_session_id_attendance_rejections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attendance/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签到签退时间预览（按编辑中的教学日程和设置计算，不保存） */
        post: operations["post_attendance_windows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志（按中国时间日期） */
        get: operations["get_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录 */
        post: operations["post_auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 */
        get: operations["get_auth_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码 */
        post: operations["post_auth_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/certificates/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 学员证书查询（项目编号、姓名和完整身份证号码；目标失败5次锁定24小时） */
        post: operations["post_public_certificates_query"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/certificates/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 证书验证（扫码） */
        get: operations["get_public_certificates_code"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/certificates/{code}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载或打印证书 PDF（短时有效链接） */
        get: operations["get_public_certificates_code_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本期的电子学分证书（按证书编号分页） */
        get: operations["get_sessions_session_id_certificates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/certificates/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 本期全部有效证书（可打印的 PDF，后台任务；超过一批时为多个 PDF 的 ZIP） */
        post: operations["post_sessions_session_id_certificates_pdf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certificates/{certificate_no}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 作废证书（省继教办） */
        post: operations["post_certificates_certificate_no_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certificates/{certificate_no}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重新签发证书（省继教办；原证书作废） */
        post: operations["post_certificates_certificate_no_reissue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 执行情况与学分办理状态 */
        get: operations["get_sessions_session_id_report"];
        /** 填写执行情况（立项用户） */
        put: operations["put_sessions_session_id_report"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/report/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交执行情况（立项用户） */
        post: operations["post_sessions_session_id_report_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/report/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回执行情况（行政用户） */
        post: operations["post_sessions_session_id_report_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/selection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 学员遴选名单（按人分页；预选达到规定学时者，含草稿或已上报的选择与人数） */
        get: operations["get_sessions_session_id_selection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/selection/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 保存学员遴选草稿（行政用户，随改随存） */
        put: operations["put_sessions_session_id_selection_draft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/selection/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上报学员名单（行政用户，提交已保存的草稿） */
        post: operations["post_sessions_session_id_selection_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/selection/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回学员名单（省继教办） */
        post: operations["post_sessions_session_id_selection_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/deadline-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 延长学员名单上报期限（省继教办） */
        post: operations["post_sessions_session_id_deadline_extension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/credits/grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 授予学分（省继教办，后台任务；授予中再次请求得到同一任务） */
        post: operations["post_sessions_session_id_credits_grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 学分授予结果 */
        get: operations["get_sessions_session_id_credits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/session-draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申请举办草稿（本人） */
        get: operations["get_projects_project_id_session_draft"];
        /** 保存申请举办草稿 */
        put: operations["put_projects_project_id_session_draft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 举办申请草稿 */
        get: operations["get_sessions_session_id_draft"];
        /** 保存举办申请草稿 */
        put: operations["put_sessions_session_id_draft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/report/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 执行情况草稿 */
        get: operations["get_sessions_session_id_report_draft"];
        /** 保存执行情况草稿 */
        put: operations["put_sessions_session_id_report_draft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 后台任务的状态、进度与下载链接 */
        get: operations["get_jobs_job_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 健康检查 */
        get: operations["get_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 系统信息（标题、省份、证书颁发单位） */
        get: operations["get_meta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OpenAPI 文档 */
        get: operations["get_openapi_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的通知（含未读数） */
        get: operations["get_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{notification_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记为已读 */
        post: operations["post_notifications_notification_id_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部标为已读 */
        post: operations["post_notifications_read_all"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credit-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 学分规则（各版本及生效日期） */
        get: operations["get_credit_rules"];
        put?: never;
        /** 新增学分规则版本（省继教办） */
        post: operations["post_credit_rules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credit-rules/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改未生效的学分规则版本（省继教办） */
        put: operations["put_credit_rules_version"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credit-rules/{version}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销未生效的学分规则版本（省继教办） */
        post: operations["post_credit_rules_version_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline-catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 学科目录维护（省继教办） */
        get: operations["get_discipline_catalogue"];
        put?: never;
        /** 新增学科（省继教办） */
        post: operations["post_discipline_catalogue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discipline-catalogue/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 停用或恢复学科（省继教办） */
        put: operations["put_discipline_catalogue_code"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 机构列表 */
        get: operations["get_organisations"];
        put?: never;
        /** 创建机构 */
        post: operations["post_organisations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{org_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 机构详情 */
        get: operations["get_organisations_org_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改机构 */
        patch: operations["patch_organisations_org_id"];
        trace?: never;
    };
    "/api/public/person-credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 个人年度学分查询（完整身份证号码、姓名和年度；目标失败5次锁定24小时） */
        post: operations["post_public_person_credits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/person-credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 个人年度学分（省继教办；记入审计日志） */
        post: operations["post_person_credits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personal-data/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导出个人数据副本（省继教办；完整身份证号码和申请编号；后台任务；记入审计日志） */
        post: operations["post_personal_data_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personal-data/certificates/{certificate_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按证书编号查看学员信息（省继教办，用于更正） */
        get: operations["get_personal_data_certificates_certificate_no"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personal-data/certificates/{certificate_no}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更正学员姓名或单位（省继教办；更正姓名时原证书作废并以新编号重新签发；记入审计日志） */
        post: operations["post_personal_data_certificates_certificate_no_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目列表（按角色范围） */
        get: operations["get_projects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/national": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 国家级项目录入 */
        post: operations["post_projects_national"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/provincial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 省级项目申报（草稿） */
        post: operations["post_projects_provincial"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 省级项目导入模板 */
        get: operations["get_projects_import_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入省级项目（Excel） */
        post: operations["post_projects_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导出项目列表（Excel，后台任务） */
        post: operations["post_projects_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目详情 */
        get: operations["get_projects_project_id"];
        put?: never;
        post?: never;
        /** 删除项目 */
        delete: operations["delete_projects_project_id"];
        options?: never;
        head?: never;
        /** 修改项目 */
        patch: operations["patch_projects_project_id"];
        trace?: never;
    };
    "/api/projects/{project_id}/declare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交申报（立项用户） */
        post: operations["post_projects_project_id_declare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转报省继教办（行政用户） */
        post: operations["post_projects_project_id_forward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回修改（行政用户） */
        post: operations["post_projects_project_id_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通过并公布（省继教办） */
        post: operations["post_projects_project_id_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不通过（省继教办） */
        post: operations["post_projects_project_id_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/disciplines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 学科目录（二级/三级） */
        get: operations["get_disciplines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目查询（公开） */
        get: operations["get_public_projects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 现行签退问卷 */
        get: operations["get_questionnaires_current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 签退问卷各版本（省继教办） */
        get: operations["get_questionnaires"];
        put?: never;
        /** 发布新版签退问卷（省继教办） */
        post: operations["post_questionnaires"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 举办统计：签到签退人数、基层与省外学员占比、问卷、授予学分 */
        get: operations["get_reports_sessions_session_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/sessions/{session_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导出举办统计（Excel，后台任务） */
        post: operations["post_reports_sessions_session_id_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位年度统计（行政用户：本单位；省继教办：任一单位） */
        get: operations["get_reports_organisations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/organisations/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导出单位年度统计（Excel，后台任务） */
        post: operations["post_reports_organisations_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/province": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 全省年度统计（省继教办） */
        get: operations["get_reports_province"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/province/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导出全省年度统计（Excel，后台任务） */
        post: operations["post_reports_province_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据保留期限（省继教办） */
        get: operations["get_retention_policy"];
        /** 修改数据保留期限（省继教办，次日删除运行起生效） */
        put: operations["put_retention_policy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 举办申请列表（按角色范围） */
        get: operations["get_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请举办一期 */
        post: operations["post_projects_project_id_sessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 举办申请详情 */
        get: operations["get_sessions_session_id"];
        /** 修改举办申请 */
        put: operations["put_sessions_session_id"];
        post?: never;
        /** 删除举办申请（仅未上报） */
        delete: operations["delete_sessions_session_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/materials/{kind}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 获取资料上传凭证（预签名 POST） */
        post: operations["post_sessions_session_id_materials_kind_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/materials/{kind}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认资料上传 */
        post: operations["post_sessions_session_id_materials_kind_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/materials/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看资料（预签名下载链接） */
        get: operations["get_sessions_session_id_materials_kind"];
        put?: never;
        post?: never;
        /** 删除资料 */
        delete: operations["delete_sessions_session_id_materials_kind"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办理过程 */
        get: operations["get_sessions_session_id_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交申请（立项用户） */
        post: operations["post_sessions_session_id_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认并上报（行政用户） */
        post: operations["post_sessions_session_id_forward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回修改（行政用户或省继教办） */
        post: operations["post_sessions_session_id_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{session_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通过（省继教办） */
        post: operations["post_sessions_session_id_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AccountCreate */
        AccountCreate: {
            /** 用户名 */
            username: string;
            /** 姓名 */
            display_name: string;
            /**
             * 角色
             * @enum {string}
             */
            role: "office" | "admin" | "organizer";
            /**
             * 所属机构
             * @default null
             */
            org_id?: string | null;
            /**
             * 科室
             * @default null
             */
            department?: string | null;
            /**
             * 邮箱
             * @default null
             */
            email?: string | null;
            /**
             * 手机号
             * @default null
             */
            phone?: string | null;
            /** 初始密码 */
            password: string;
        };
        /** AccountOut */
        AccountOut: {
            /** Username */
            username: string;
            /** Display Name */
            display_name: string;
            /**
             * Role
             * @enum {string}
             */
            role: "office" | "admin" | "organizer";
            /** Org Id */
            org_id: string;
            /** Department */
            department: string | null;
            /** Email */
            email: string | null;
            /** Phone */
            phone: string | null;
            /** Disabled */
            disabled: boolean;
            /** Must Change Password */
            must_change_password: boolean;
            /** Created At */
            created_at: string;
            /** Last Login At */
            last_login_at: string | null;
        };
        /** AccountPage */
        AccountPage: {
            /** Items */
            items: components["schemas"]["AccountOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** AttendanceCounts */
        AttendanceCounts: {
            /** Signed In */
            signed_in: number;
            /** Signed Out */
            signed_out: number;
            /** Incomplete */
            incomplete: number;
        };
        /** AttendanceSettings */
        AttendanceSettings: {
            /**
             * 签到方式
             * @default whole
             * @enum {string}
             */
            mode?: "whole" | "daily";
            /**
             * 刷新时间
             * @default 86400
             */
            refresh_seconds?: number;
            /**
             * 签到开放（首节课前分钟）
             * @default 60
             */
            sign_in_opens_before?: number;
            /**
             * 签到关闭（末节课结束后分钟）
             * @default 0
             */
            sign_in_closes_after?: number;
            /**
             * 签退开放（末节课结束前分钟）
             * @default 30
             */
            sign_out_opens_before?: number;
            /**
             * 签退关闭（末节课结束后分钟）
             * @default 120
             */
            sign_out_closes_after?: number;
        };
        /** AttendanceSettingsOut */
        AttendanceSettingsOut: {
            /**
             * Mode
             * @enum {string}
             */
            mode: "whole" | "daily";
            /** Refresh Seconds */
            refresh_seconds: number;
            /** Sign In Opens Before */
            sign_in_opens_before: number;
            /** Sign In Closes After */
            sign_in_closes_after: number;
            /** Sign Out Opens Before */
            sign_out_opens_before: number;
            /** Sign Out Closes After */
            sign_out_closes_after: number;
        };
        /**
         * AttendanceTotals
         * @description The live counts of a session's attendance.
         */
        AttendanceTotals: {
            /** Signed In */
            signed_in: number;
            /** Signed Out */
            signed_out: number;
            /** Incomplete */
            incomplete: number;
            /** Flagged */
            flagged: number;
        };
        /** AttendeeCheck */
        AttendeeCheck: {
            /** Name */
            name: string;
            /** Id Number */
            id_number: string;
            /** Unit */
            unit: string;
            /** Signed In At */
            signed_in_at: string;
            /** Signed Out At */
            signed_out_at: string | null;
            questionnaire: components["schemas"]["Questionnaire"];
        };
        /** AttendeeOut */
        AttendeeOut: {
            /** Name */
            name: string;
            /** Id Number */
            id_number: string;
            /** Gender */
            gender: string;
            /** Age */
            age: number;
            /** Mobile */
            mobile: string;
            /** Unit */
            unit: string;
            /** Department */
            department: string;
            /** Region */
            region: string;
            /** Grassroots */
            grassroots: boolean;
            /** Title */
            title: string;
            /** Position */
            position: string | null;
            /** Education */
            education: string | null;
            /** Day */
            day: string | null;
            /** Signed In At */
            signed_in_at: string;
            /** Signed Out At */
            signed_out_at: string | null;
            /** Hours */
            hours: number | null;
            /**
             * Status
             * @enum {string}
             */
            status: "present" | "signed_out" | "incomplete";
            /** Questionnaire Done */
            questionnaire_done: boolean;
            /** Flags */
            flags: components["schemas"]["FlagOut"][];
        };
        /**
         * AttendeePage
         * @description One page of the roster in sign-in order; ``next_cursor`` continues after its last attendee.
         */
        AttendeePage: {
            /** Items */
            items: components["schemas"]["AttendeeOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** AuditEventOut */
        AuditEventOut: {
            /** Event Id */
            event_id: string;
            /** At */
            at: string;
            /** Actor */
            actor: string;
            /**
             * 操作人姓名
             * @description 姓名；早期记录没有姓名时为账号
             */
            actor_name: string;
            /** Actor Role */
            actor_role: string;
            /** Actor Org Id */
            actor_org_id: string;
            /** Action */
            action: string;
            /** Action Label */
            action_label: string;
            /** Target Type */
            target_type: string;
            /** Target Id */
            target_id: string;
            /**
             * 对象名称
             * @description 记录时对象的名称（项目名 · 第N期、机构名等）；早期记录为空
             */
            target_title: string | null;
            /** Before */
            before: {
                [key: string]: unknown;
            } | null;
            /** After */
            after: {
                [key: string]: unknown;
            } | null;
        };
        /** AuditPage */
        AuditPage: {
            /** Items */
            items: components["schemas"]["AuditEventOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** BlockIn */
        BlockIn: {
            /**
             * 日期
             * Format: date
             */
            date: string;
            /**
             * 开始时间
             * Format: time
             */
            start: string;
            /**
             * 结束时间
             * Format: time
             */
            end: string;
            /** 授课内容 */
            topic: string;
            /** 授课人 */
            lecturer: string;
            /** 学时 */
            hours: number;
        };
        /** BlockOut */
        BlockOut: {
            /** Date */
            date: string;
            /** Start */
            start: string;
            /** End */
            end: string;
            /** Starts At */
            starts_at: string;
            /** Ends At */
            ends_at: string;
            /** Topic */
            topic: string;
            /** Lecturer */
            lecturer: string;
            /** Hours */
            hours: number;
        };
        /** BlockTimes */
        BlockTimes: {
            /**
             * 日期
             * Format: date
             */
            date: string;
            /**
             * 开始时间
             * Format: time
             */
            start: string;
            /**
             * 结束时间
             * Format: time
             */
            end: string;
        };
        /** CandidateOut */
        CandidateOut: {
            /** Attendee Id */
            attendee_id: string;
            /** Name */
            name: string;
            /** Id Number */
            id_number: string;
            /** Unit */
            unit: string;
            /** Department */
            department: string;
            /** Days */
            days: (string | null)[];
            /** Signed In At */
            signed_in_at: string;
            /** Signed Out At */
            signed_out_at: string | null;
            /** Hours */
            hours: number;
            /**
             * Status
             * @enum {string}
             */
            status: "present" | "signed_out" | "incomplete";
            /** Flags */
            flags: components["schemas"]["FlagOut"][];
            /** Questionnaire Done */
            questionnaire_done: boolean;
            /** Preselected */
            preselected: boolean;
            /** Selected */
            selected: boolean;
            /** Reason */
            reason: string | null;
        };
        /** CatalogueEntryIn */
        CatalogueEntryIn: {
            /** 目录修订号 */
            revision: number;
            /**
             * 学科代码
             * @description 二级两位（如 21），三级“两位-两位”（如 21-01）
             */
            code: string;
            /** 学科名称 */
            name: string;
        };
        /** CatalogueEntryOut */
        CatalogueEntryOut: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /** Retired At */
            retired_at: string | null;
            /** Changed By */
            changed_by: string | null;
            /** Changed At */
            changed_at: string | null;
        };
        /** CatalogueOut */
        CatalogueOut: {
            /**
             * 目录修订号
             * @description 修改时原样发回；他人先改过则 409
             */
            revision: number;
            /** Items */
            items: components["schemas"]["CatalogueEntryOut"][];
        };
        /** CatalogueRetireIn */
        CatalogueRetireIn: {
            /** 目录修订号 */
            revision: number;
            /**
             * 停用
             * @description true 停用，false 恢复
             */
            retired: boolean;
        };
        /** CertificateLink */
        CertificateLink: {
            /**
             * Url
             * @description 下载链接（短时有效）
             */
            url: string;
            /** Filename */
            filename: string;
            /**
             * View Url
             * @description 在浏览器中打开以便打印的链接（短时有效）
             */
            view_url: string;
        };
        /** CertificateList */
        CertificateList: {
            /** Items */
            items: components["schemas"]["CertificateOut"][];
        };
        /** CertificateOut */
        CertificateOut: {
            /** Certificate No */
            certificate_no: string;
            /** Verification Code */
            verification_code: string;
            /**
             * Status
             * @enum {string}
             */
            status: "valid" | "revoked";
            /** Status Label */
            status_label: string;
            /** Revoked Reason */
            revoked_reason: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /** Replaced By */
            replaced_by: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "attendee" | "lecturer";
            /** Name */
            name: string;
            /** Id Number */
            id_number: string | null;
            /** Project Number */
            project_number: string;
            /** Project Name */
            project_name: string;
            /** Project Level */
            project_level: string;
            /** Level Label */
            level_label: string;
            /** Credit Class */
            credit_class: string;
            /** Credits */
            credits: number;
            /** Start Date */
            start_date: string;
            /** End Date */
            end_date: string;
            /** Form */
            form: string;
            /** Organiser */
            organiser: string;
            /** Issuer */
            issuer: string;
            /** Issued On */
            issued_on: string;
        };
        /**
         * CertificatePage
         * @description One page of a session's certificates in number order; ``next_cursor`` continues after its last one.
         */
        CertificatePage: {
            /** Items */
            items: components["schemas"]["CertificateOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** CertificateQuery */
        CertificateQuery: {
            /** 项目编号 */
            project_number: string;
            /** 姓名 */
            name: string;
            /** 身份证号码（完整18位） */
            id_number: string;
        };
        /** CertificateReason */
        CertificateReason: {
            /** 理由 */
            reason: string;
        };
        /** ClassMinimumIn */
        ClassMinimumIn: {
            /**
             * 学分类别
             * @enum {string}
             */
            credit_class: "I类" | "II类";
            /** 不少于学分 */
            credits: number;
        };
        /** ClassMinimumOut */
        ClassMinimumOut: {
            /** Credit Class */
            credit_class: string;
            /** Credits */
            credits: number;
        };
        /** ClassRequirementOut */
        ClassRequirementOut: {
            /** 学分类别 */
            credit_class: string;
            /** 不少于学分 */
            min_credits: number;
            /** 尚差学分 */
            shortfall: number;
        };
        /** CodeOut */
        CodeOut: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "in" | "out";
            /** Label */
            label: string;
            /** Url */
            url: string;
            /** Svg */
            svg: string;
            window: components["schemas"]["WindowOut"];
            /**
             * State
             * @enum {string}
             */
            state: "open" | "not_yet" | "closed";
        };
        /** CodePage */
        CodePage: {
            /** Project Name */
            project_name: string;
            /** Project Number */
            project_number: string;
            /** Seq */
            seq: number;
            /** Venue */
            venue: string;
            /** Start Date */
            start_date: string;
            /** End Date */
            end_date: string;
            window: components["schemas"]["WindowOut"];
            /**
             * State
             * @enum {string}
             */
            state: "open" | "not_yet" | "closed" | "invalid";
            /** Message */
            message: string;
        };
        /** Codes */
        Codes: {
            /** Refresh Seconds */
            refresh_seconds: number;
            /** Valid Until */
            valid_until: string;
            /** Sign In Url */
            sign_in_url: string;
            /** Sign Out Url */
            sign_out_url: string;
            /** Codes */
            codes: components["schemas"]["CodeOut"][];
            /** Windows */
            windows: components["schemas"]["WindowOut"][];
        };
        /**
         * CorrectableOut
         * @description The person on one certificate as the office corrects it (unmasked name: the office edits it).
         */
        CorrectableOut: {
            /** Certificate No */
            certificate_no: string;
            /** Status */
            status: string;
            /** Status Label */
            status_label: string;
            /** 已重新签发为 */
            replaced_by: string | null;
            /** attendee 学员 / lecturer 授课教师 */
            kind: string;
            /** Name */
            name: string;
            /** 单位（签到记录中的；授课教师或已删除时为空） */
            unit: string | null;
            /** 身份证号码（隐藏） */
            id_number: string | null;
            /** Project Number */
            project_number: string;
            /** Project Name */
            project_name: string;
            /** Credits */
            credits: number;
            /** Issued On */
            issued_on: string;
            /** Verification Code */
            verification_code: string;
            /** Version */
            version: number;
            /** 签到记录数（按日签到时每天一条） */
            days: number;
        };
        /** Correction */
        Correction: {
            /**
             * 更正后的姓名
             * @default null
             */
            name?: string | null;
            /**
             * 更正后的单位
             * @default null
             */
            unit?: string | null;
            /** 申请编号或更正依据 */
            reference: string;
            /**
             * 读取时的证书版本（他人已更正时拒绝）
             * @default null
             */
            version?: number | null;
        };
        /** CreditList */
        CreditList: {
            /** Total Credits */
            total_credits: number;
            /** Items */
            items: components["schemas"]["CreditOut"][];
        };
        /** CreditOut */
        CreditOut: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "attendee" | "lecturer";
            /** Name */
            name: string;
            /** Id Number */
            id_number: string | null;
            /** Credit Class */
            credit_class: string;
            /** Credits */
            credits: number;
            /** Hours */
            hours: number;
            /** Granted At */
            granted_at: string;
        };
        /** CreditRuleIn */
        CreditRuleIn: {
            /**
             * 规则版本库的修订号
             * @description 读取时的 revision；他人先改过则 409
             */
            revision: number;
            /**
             * 版本号
             * @description 字母、数字、点、横线，如 2027 或 2027-js；新增后不能改
             */
            version: string;
            /**
             * 生效日期
             * Format: date
             * @description 须晚于今天；生效后不能再改
             */
            effective_from: string;
            /** 依据文件名称 */
            source_title: string;
            /**
             * 文号
             * @default null
             */
            source_number?: string | null;
            /**
             * 文件链接
             * @default null
             */
            source_url?: string | null;
            /**
             * 说明
             * @default null
             */
            note?: string | null;
            /** 国家级项目 */
            national: components["schemas"]["LevelRuleIn"];
            /** 省级项目 */
            provincial: components["schemas"]["LevelRuleIn"];
            /** 行政用户遴选期限（天） */
            admin_deadline_days: number;
            /** 省继教办授予期限（天） */
            office_deadline_days: number;
            /**
             * 每年学分要求
             * @default null
             */
            yearly_requirement?: components["schemas"]["YearlyRequirementIn"] | null;
        };
        /** CreditRuleOut */
        CreditRuleOut: {
            /** Version */
            version: string;
            /** Effective From */
            effective_from: string;
            /** Source Title */
            source_title: string;
            /** Source Number */
            source_number: string | null;
            /** Source Url */
            source_url: string | null;
            /** Note */
            note: string | null;
            national: components["schemas"]["LevelRuleOut"];
            provincial: components["schemas"]["LevelRuleOut"];
            /** Admin Deadline Days */
            admin_deadline_days: number;
            /** Office Deadline Days */
            office_deadline_days: number;
            yearly_requirement: components["schemas"]["YearlyRequirementOut"] | null;
            /** Updated By */
            updated_by: string | null;
            /** Updated At */
            updated_at: string | null;
            /**
             * 已被取代 / 施行中 / 待生效
             * @enum {string}
             */
            state: "past" | "in_force" | "future";
            /** 可修改或撤销（生效前） */
            editable: boolean;
        };
        /** CreditRules */
        CreditRules: {
            /** 今日施行的版本 */
            current: string;
            /** Revision */
            revision: number;
            /** Items */
            items: components["schemas"]["CreditRuleOut"][];
        };
        /** DeadlineOut */
        DeadlineOut: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "admin" | "office";
            /** Due */
            due: string;
            /** Days Left */
            days_left: number;
            /** Overdue */
            overdue: boolean;
            /** Extended */
            extended: boolean;
        };
        /** DisciplineList */
        DisciplineList: {
            /** Items */
            items: components["schemas"]["DisciplineOut"][];
        };
        /** DisciplineOut */
        DisciplineOut: {
            /** Code */
            code: string;
            /** Name */
            name: string;
            /**
             * 已停用
             * @description 停用的学科不能再选；老项目照常显示
             * @default false
             */
            retired?: boolean;
            /**
             * Children
             * @default []
             */
            children?: components["schemas"]["DisciplineOut"][];
        };
        /** Download */
        Download: {
            /** Url */
            url: string;
            /** Filename */
            filename: string;
        };
        /** DraftAttendance */
        DraftAttendance: {
            /**
             * 签到方式
             * @default null
             */
            mode?: ("whole" | "daily") | null;
            /**
             * 刷新时间
             * @default null
             */
            refresh_seconds?: number | null;
            /**
             * 签到开放
             * @default null
             */
            sign_in_opens_before?: number | null;
            /**
             * 签到关闭
             * @default null
             */
            sign_in_closes_after?: number | null;
            /**
             * 签退开放
             * @default null
             */
            sign_out_opens_before?: number | null;
            /**
             * 签退关闭
             * @default null
             */
            sign_out_closes_after?: number | null;
        };
        /** DraftBlock */
        DraftBlock: {
            /**
             * 日期
             * @default null
             */
            date?: string | null;
            /**
             * 开始时间
             * @default null
             */
            start?: string | null;
            /**
             * 结束时间
             * @default null
             */
            end?: string | null;
            /**
             * 授课内容
             * @default
             */
            topic?: string;
            /**
             * 授课人
             * @default
             */
            lecturer?: string;
            /**
             * 学时
             * @default null
             */
            hours?: number | null;
        };
        /** DraftChange */
        DraftChange: {
            /** 学员 */
            attendee_id: string;
            /** 是否选择 */
            selected: boolean;
            /**
             * 补选理由
             * @default null
             */
            reason?: string | null;
        };
        /**
         * DraftIn
         * @description One or a few changes of the admin's draft, on the report's ``version`` as last read (else 409).
         */
        DraftIn: {
            /** 名单版本（上次读取时） */
            version: number;
            /** 修改 */
            changes: components["schemas"]["DraftChange"][];
        };
        /** DraftLecturer */
        DraftLecturer: {
            /**
             * 授课人
             * @default
             */
            name?: string;
            /**
             * 职称
             * @default
             */
            title?: string;
            /**
             * 单位
             * @default
             */
            unit?: string;
            /**
             * 授课学时
             * @default null
             */
            hours?: number | null;
            /**
             * 已登记的身份证号码（掩码）
             * @default null
             */
            id_masked?: string | null;
        };
        /** ErrorBody */
        ErrorBody: {
            error: components["schemas"]["ErrorDetail"];
        };
        /** ErrorDetail */
        ErrorDetail: {
            /** Code */
            code: string;
            /** Message */
            message: string;
            /** Field */
            field: string | null;
        };
        /** ExtensionIn */
        ExtensionIn: {
            /**
             * 延长至
             * Format: date
             */
            until: string;
            /** 理由 */
            reason: string;
        };
        /** ExtensionOut */
        ExtensionOut: {
            /** Until */
            until: string;
            /** Reason */
            reason: string;
            /** Granted By */
            granted_by: string;
            /** Granted At */
            granted_at: string;
        };
        /** FlagOut */
        FlagOut: {
            /**
             * Code
             * @enum {string}
             */
            code: "SHARED_DEVICE" | "SHARED_MOBILE";
            /** Label */
            label: string;
        };
        /** Health */
        Health: {
            /** Status */
            status: string;
            /** Version */
            version: string;
        };
        /** Identify */
        Identify: {
            /** 二维码 */
            t: string;
            /**
             * 手机号
             * @default null
             */
            mobile?: string | null;
            /**
             * 身份证号码
             * @default null
             */
            id_number?: string | null;
        };
        /** ImportFile */
        ImportFile: {
            /** 文件名 */
            filename: string;
            /** 文件内容 */
            content_base64: string;
        };
        /** ImportResult */
        ImportResult: {
            /** Imported */
            imported: number;
            /** Skipped */
            skipped: number;
        };
        /** JobError */
        JobError: {
            /** Code */
            code: string;
            /** Message */
            message: string;
        };
        /** JobOut */
        JobOut: {
            /** Job Id */
            job_id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "attendance-export" | "project-export" | "session-report-export" | "organisation-report-export" | "province-report-export" | "certificate-pdf" | "grant" | "personal-data-export";
            /**
             * State
             * @enum {string}
             */
            state: "queued" | "running" | "succeeded" | "failed";
            /** 已完成的批次 */
            done: number;
            /** 总批次（未知时为空） */
            total: number | null;
            /**
             * Filename
             * @default null
             */
            filename?: string | null;
            /**
             * 下载链接（成功后，几分钟内有效）
             * @default null
             */
            url?: string | null;
            /** @default null */
            error?: components["schemas"]["JobError"] | null;
            /** Created At */
            created_at: string;
            /** Updated At */
            updated_at: string;
        };
        /**
         * JobStarted
         * @description 202: the job is recorded and queued (or, for a request repeated with its Idempotency-Key or a grant already
         *     under way, the job it started, in its current state); poll ``GET /jobs/{job_id}``.
         */
        JobStarted: {
            /** Job Id */
            job_id: string;
            /**
             * State
             * @enum {string}
             */
            state: "queued" | "running" | "succeeded" | "failed";
        };
        /** LecturerIn */
        LecturerIn: {
            /** 授课人 */
            name: string;
            /**
             * 职称
             * @default null
             */
            title?: string | null;
            /**
             * 单位
             * @default null
             */
            unit?: string | null;
            /** 授课学时 */
            hours: number;
            /**
             * 身份证号码（选填）
             * @description 登记后，授课人可在学员证书查询中查到本人的证书
             * @default null
             */
            id_number?: string | null;
            /**
             * 已登记的身份证号码
             * @description 读取时的掩码；原样发回则保留已登记的号码
             * @default null
             */
            id_masked?: string | null;
        };
        /** LecturerOut */
        LecturerOut: {
            /** Name */
            name: string;
            /** Title */
            title: string | null;
            /** Unit */
            unit: string | null;
            /** Hours */
            hours: number;
            /** Credits */
            credits: number;
            /**
             * 身份证号码（掩码）
             * @default null
             */
            id_masked?: string | null;
        };
        /** LevelCreditsOut */
        LevelCreditsOut: {
            /**
             * Level
             * @enum {string}
             */
            level: "national" | "provincial";
            /** 级别（国家级/省级） */
            level_label: string;
            /**
             * Credit Class
             * @enum {string}
             */
            credit_class: "I类" | "II类";
            /** Credits */
            credits: number;
        };
        /** LevelRuleIn */
        LevelRuleIn: {
            /** 学员每多少学时授1学分 */
            hours_per_credit: number;
            /** 授课人每学时学分 */
            lecturer_credits_per_hour: number;
            /** 每个项目学分上限 */
            cap_per_project: number;
            /** 规定学时不低于总学时的比例 */
            required_hours_min_ratio: number;
            /**
             * 学分类别
             * @enum {string}
             */
            credit_class: "I类" | "II类";
        };
        /** LevelRuleOut */
        LevelRuleOut: {
            /** Hours Per Credit */
            hours_per_credit: number;
            /** Lecturer Credits Per Hour */
            lecturer_credits_per_hour: number;
            /** Cap Per Project */
            cap_per_project: number;
            /** Required Hours Min Ratio */
            required_hours_min_ratio: number;
            /** Credit Class */
            credit_class: string;
        };
        /** LoginRequest */
        LoginRequest: {
            /** 用户名 */
            username: string;
            /** 密码 */
            password: string;
        };
        /** LoginResponse */
        LoginResponse: {
            /** Token */
            token: string;
            /** Expires At */
            expires_at: string;
            user: components["schemas"]["UserOut"];
        };
        /** MaterialLink */
        MaterialLink: {
            /** Url */
            url: string;
            /** Filename */
            filename: string;
            /**
             * View Url
             * @description 在浏览器中直接查看的链接（PDF与图片）；其他类型为空，只能下载
             * @default null
             */
            view_url?: string | null;
        };
        /** MaterialOut */
        MaterialOut: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "notice" | "schedule";
            /** Filename */
            filename: string;
            /** Content Type */
            content_type: string;
            /** Size */
            size: number;
            /** Uploaded At */
            uploaded_at: string;
        };
        /**
         * Meta
         * @description What the web app shows of its stage's configuration (GET /meta, public): no secrets.
         */
        Meta: {
            /** 省份名称 */
            province_name: string;
            /** 管理控制台标题 */
            console_title: string;
            /** 手机页面标题 */
            phone_title: string;
            /** 证书颁发单位 */
            certificate_issuer: string;
            /** 证书编号前缀 */
            certificate_prefix: string;
            /** 版本 */
            version: string;
        };
        /** MonthFigures */
        MonthFigures: {
            /** Month */
            month: number;
            /** Sessions */
            sessions: number;
            /** Attendees */
            attendees: number;
            /** Credits */
            credits: number;
        };
        /** NationalProjectCreate */
        NationalProjectCreate: {
            /** 项目年份 */
            year: number;
            /** 项目名称 */
            name: string;
            /** 二/三级学科 */
            discipline_code: string;
            /** 项目负责人 */
            leader: string;
            /** 学分 */
            credits: number;
            /**
             * 项目性质
             * @enum {string}
             */
            nature: "declared" | "filed";
            /** 期数 */
            planned_sessions: number;
            /** 项目编号 */
            number: string;
        };
        /** NotificationOut */
        NotificationOut: {
            /** Notification Id */
            notification_id: string;
            /** Title */
            title: string;
            /** Body */
            body: string;
            /** Link */
            link: string | null;
            /** Read */
            read: boolean;
            /** Created At */
            created_at: string;
        };
        /** NotificationPage */
        NotificationPage: {
            /** Items */
            items: components["schemas"]["NotificationOut"][];
            /** Unread */
            unread: number;
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** OptionCount */
        OptionCount: {
            /** Option */
            option: string;
            /** Count */
            count: number;
        };
        /** OrganisationCreate */
        OrganisationCreate: {
            /** 机构名称 */
            name: string;
            /**
             * 机构类型
             * @enum {string}
             */
            type: "hospital" | "society" | "other";
            /** 所在城市 */
            city: string;
        };
        /** OrganisationOut */
        OrganisationOut: {
            /** Org Id */
            org_id: string;
            /** Name */
            name: string;
            /**
             * Type
             * @enum {string}
             */
            type: "office" | "hospital" | "society" | "other";
            /** City */
            city: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "disabled";
            /** Created At */
            created_at: string;
        };
        /** OrganisationPage */
        OrganisationPage: {
            /** Items */
            items: components["schemas"]["OrganisationOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** OrganisationReport */
        OrganisationReport: {
            /** Year */
            year: number;
            /** Org Id */
            org_id: string;
            /** Org Name */
            org_name: string;
            /** Sessions Held */
            sessions_held: number;
            /** Attendees */
            attendees: number;
            /** Credited Attendees */
            credited_attendees: number;
            /** Credits Granted */
            credits_granted: number;
            /** Lecturer Credits */
            lecturer_credits: number;
            /** Overdue */
            overdue: number;
            /** By Month */
            by_month: components["schemas"]["MonthFigures"][];
            /**
             * As Of
             * @default null
             */
            as_of?: string | null;
        };
        /** OrganisationRow */
        OrganisationRow: {
            /** Org Id */
            org_id: string;
            /** Org Name */
            org_name: string;
            /** Sessions Held */
            sessions_held: number;
            /** Attendees */
            attendees: number;
            /** Credited Attendees */
            credited_attendees: number;
            /** Credits Granted */
            credits_granted: number;
            /** Overdue */
            overdue: number;
        };
        /** OrganisationUpdate */
        OrganisationUpdate: {
            /**
             * 机构名称
             * @default null
             */
            name?: string | null;
            /**
             * 机构类型
             * @default null
             */
            type?: ("hospital" | "society" | "other") | null;
            /**
             * 所在城市
             * @default null
             */
            city?: string | null;
        };
        /** PasswordChange */
        PasswordChange: {
            /** 当前密码 */
            current_password: string;
            /** 新密码 */
            new_password: string;
        };
        /** PasswordReset */
        PasswordReset: {
            /** 新密码 */
            new_password: string;
        };
        /** PersonCreditsOut */
        PersonCreditsOut: {
            /** Year */
            year: number;
            /** 姓名（公开查询中部分隐藏） */
            name: string;
            /** 身份证号码（隐藏） */
            id_number: string;
            /** Total Credits */
            total_credits: number;
            /** Class I Credits */
            class_i_credits: number;
            /** Class Ii Credits */
            class_ii_credits: number;
            /** By Level */
            by_level: components["schemas"]["LevelCreditsOut"][];
            /** 参加学时 */
            hours: number;
            /** 参加项目期数 */
            sessions: number;
            requirement: components["schemas"]["RequirementOut"] | null;
            /** Certificates */
            certificates: components["schemas"]["YearCertificateOut"][];
            /** 数据截至（UTC） */
            as_of: string | null;
        };
        /** PersonCreditsQuery */
        PersonCreditsQuery: {
            /** 身份证号码（完整18位） */
            id_number: string;
            /** 姓名 */
            name: string;
            /** 年度 */
            year: number;
        };
        /** PersonalDataExport */
        PersonalDataExport: {
            /** 身份证号码（完整18位） */
            id_number: string;
            /** 申请编号 */
            reference: string;
        };
        /** ProjectOut */
        ProjectOut: {
            /** Project Id */
            project_id: string;
            /**
             * Level
             * @enum {string}
             */
            level: "national" | "provincial";
            /** Number */
            number: string | null;
            /** Number Display */
            number_display: string;
            /** Year */
            year: number;
            /** Name */
            name: string;
            /** Discipline Code */
            discipline_code: string;
            /** Discipline Label */
            discipline_label: string;
            /** Leader */
            leader: string;
            /** Credits */
            credits: number;
            /**
             * Nature
             * @enum {string}
             */
            nature: "declared" | "filed";
            /** Nature Label */
            nature_label: string;
            /** Planned Sessions */
            planned_sessions: number;
            /** Plan */
            plan: string | null;
            /** Org Id */
            org_id: string;
            /** Org Name */
            org_name: string;
            /** Department */
            department: string;
            /**
             * Status
             * @enum {string}
             */
            status: "draft" | "declared" | "returned" | "forwarded" | "approved" | "rejected";
            /** Status Label */
            status_label: string;
            /** Review Reason */
            review_reason: string;
            /** Editable */
            editable: boolean;
            /** Actions */
            actions: ("edit" | "declare" | "forward" | "return" | "approve" | "reject" | "delete")[];
            /** Created At */
            created_at: string;
            /** Updated At */
            updated_at: string;
        };
        /** ProjectPage */
        ProjectPage: {
            /** Items */
            items: components["schemas"]["ProjectOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** ProjectUpdate */
        ProjectUpdate: {
            /**
             * 项目年份
             * @default null
             */
            year?: number | null;
            /**
             * 项目编号
             * @default null
             */
            number?: string | null;
            /**
             * 项目名称
             * @default null
             */
            name?: string | null;
            /**
             * 二/三级学科
             * @default null
             */
            discipline_code?: string | null;
            /**
             * 项目负责人
             * @default null
             */
            leader?: string | null;
            /**
             * 学分
             * @default null
             */
            credits?: number | null;
            /**
             * 项目性质
             * @default null
             */
            nature?: ("declared" | "filed") | null;
            /**
             * 期数
             * @default null
             */
            planned_sessions?: number | null;
            /**
             * 项目计划
             * @default null
             */
            plan?: string | null;
        };
        /** ProvinceReport */
        ProvinceReport: {
            /** Year */
            year: number;
            /** Sessions Held */
            sessions_held: number;
            /** Attendees */
            attendees: number;
            /** Credited Attendees */
            credited_attendees: number;
            /** Credits Granted */
            credits_granted: number;
            /** Lecturer Credits */
            lecturer_credits: number;
            /** Overdue */
            overdue: number;
            /** By Month */
            by_month: components["schemas"]["MonthFigures"][];
            /** Organisations */
            organisations: components["schemas"]["OrganisationRow"][];
            /**
             * As Of
             * @default null
             */
            as_of?: string | null;
        };
        /** ProvincialProjectCreate */
        ProvincialProjectCreate: {
            /** 项目年份 */
            year: number;
            /** 项目名称 */
            name: string;
            /** 二/三级学科 */
            discipline_code: string;
            /** 项目负责人 */
            leader: string;
            /** 学分 */
            credits: number;
            /**
             * 项目性质
             * @enum {string}
             */
            nature: "declared" | "filed";
            /** 期数 */
            planned_sessions: number;
            /** 项目计划 */
            plan: string;
        };
        /** PublicProjectOut */
        PublicProjectOut: {
            /** Project Id */
            project_id: string;
            /** Number Display */
            number_display: string;
            /**
             * Level
             * @enum {string}
             */
            level: "national" | "provincial";
            /** Year */
            year: number;
            /** Name */
            name: string;
            /** Discipline Label */
            discipline_label: string;
            /** Org Name */
            org_name: string;
            /** Leader */
            leader: string;
            /** Credits */
            credits: number;
            /** Planned Sessions */
            planned_sessions: number;
            /** Status Label */
            status_label: string;
            /** 已审核通过的举办期次（按期次，至多前10期） */
            sessions: components["schemas"]["PublicSessionOut"][];
            /** 还有更多期次未列出 */
            more_sessions: boolean;
        };
        /** PublicProjectPage */
        PublicProjectPage: {
            /** Items */
            items: components["schemas"]["PublicProjectOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /**
         * PublicSessionOut
         * @description An approved session as the public query shows it: dates are China dates, ``org_name`` the holding unit.
         */
        PublicSessionOut: {
            /** Seq */
            seq: number;
            /** Start Date */
            start_date: string;
            /** End Date */
            end_date: string;
            /** Venue */
            venue: string;
            /** Org Name */
            org_name: string;
        };
        /** Question */
        Question: {
            /** Id */
            id: string;
            /** Text */
            text: string;
            /**
             * Type
             * @enum {string}
             */
            type: "single" | "multiple";
            /**
             * Choose
             * @default null
             */
            choose?: number | null;
            /** Options */
            options: string[];
        };
        /** QuestionIn */
        QuestionIn: {
            /** 题目 */
            text: string;
            /**
             * 题型
             * @enum {string}
             */
            type: "single" | "multiple";
            /**
             * 选择项数
             * @default null
             */
            choose?: number | null;
            /** 选项 */
            options: string[];
        };
        /** QuestionStatistics */
        QuestionStatistics: {
            /** Id */
            id: string;
            /** Text */
            text: string;
            /**
             * Type
             * @enum {string}
             */
            type: "single" | "multiple";
            /** Choose */
            choose: number | null;
            /** Options */
            options: components["schemas"]["OptionCount"][];
        };
        /** Questionnaire */
        Questionnaire: {
            /** Version */
            version: string;
            /** Questions */
            questions: components["schemas"]["Question"][];
        };
        /** QuestionnaireIn */
        QuestionnaireIn: {
            /** 题目 */
            questions: components["schemas"]["QuestionIn"][];
        };
        /** QuestionnaireList */
        QuestionnaireList: {
            /** Items */
            items: components["schemas"]["QuestionnaireOut"][];
        };
        /** QuestionnaireOut */
        QuestionnaireOut: {
            /** Version */
            version: string;
            /** Questions */
            questions: components["schemas"]["Question"][];
            /** Created At */
            created_at: string | null;
            /** Created By */
            created_by: string | null;
        };
        /** QuestionnaireStatistics */
        QuestionnaireStatistics: {
            /** Version */
            version: string;
            /** Responses */
            responses: number;
            /** Questions */
            questions: components["schemas"]["QuestionStatistics"][];
        };
        /** ReasonIn */
        ReasonIn: {
            /** 理由 */
            reason: string;
        };
        /** RejectionOut */
        RejectionOut: {
            /** At */
            at: string;
            /** Last At */
            last_at: string;
            /** Repeats */
            repeats: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "in" | "out";
            /** Code */
            code: string;
            /** Message */
            message: string;
            /** Id Number */
            id_number: string | null;
        };
        /** RejectionPage */
        RejectionPage: {
            /** Items */
            items: components["schemas"]["RejectionOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** ReportDraftData */
        ReportDraftData: {
            /**
             * 实际开始日期
             * @default null
             */
            actual_start_date?: string | null;
            /**
             * 实际结束日期
             * @default null
             */
            actual_end_date?: string | null;
            /**
             * 实际举办地点
             * @default
             */
            venue?: string;
            /**
             * 执行情况总结
             * @default
             */
            summary?: string;
            /** 授课人 */
            lecturers?: components["schemas"]["DraftLecturer"][];
        };
        /**
         * ReportDraftIn
         * @description As ``SessionDraftIn``, for the execution report.
         */
        ReportDraftIn: {
            /** 草稿版本（上次读取时） */
            version: number;
            /** 草稿 */
            data: components["schemas"]["ReportDraftData"] | null;
        };
        /** ReportDraftOut */
        ReportDraftOut: {
            data: components["schemas"]["ReportDraftData"] | null;
            /** Version */
            version: number;
            /** Updated By */
            updated_by: string | null;
            /** Updated At */
            updated_at: string | null;
        };
        /** ReportIn */
        ReportIn: {
            /**
             * 实际开始日期
             * Format: date
             */
            actual_start_date: string;
            /**
             * 实际结束日期
             * Format: date
             */
            actual_end_date: string;
            /** 实际举办地点 */
            venue: string;
            /** 执行情况总结 */
            summary: string;
            /** 授课人 */
            lecturers: components["schemas"]["LecturerIn"][];
        };
        /** ReportOut */
        ReportOut: {
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "reported" | "returned" | "submitted" | "office_returned" | "granted";
            /** Status Label */
            status_label: string;
            /** Actual Start Date */
            actual_start_date: string | null;
            /** Actual End Date */
            actual_end_date: string | null;
            /** Venue */
            venue: string | null;
            /** Summary */
            summary: string | null;
            /** Lecturers */
            lecturers: components["schemas"]["LecturerOut"][];
            /** Submitted At */
            submitted_at: string | null;
            /** Return Reason */
            return_reason: string | null;
            deadline: components["schemas"]["DeadlineOut"] | null;
            extension: components["schemas"]["ExtensionOut"] | null;
            /** Required Hours */
            required_hours: number;
            /** Selected Count */
            selected_count: number | null;
            attendance: components["schemas"]["AttendanceCounts"];
            /** Actions */
            actions: ("edit" | "submit" | "return" | "select" | "office_return" | "grant" | "extend")[];
        };
        /** RequirementOut */
        RequirementOut: {
            /** 每年应获学分 */
            total_credits: number;
            /** 各类学分下限 */
            classes: components["schemas"]["ClassRequirementOut"][];
            /** 依据 */
            source: string;
            /** 是否达到 */
            met: boolean;
            /** 尚差学分（总分） */
            shortfall: number;
        };
        /** RetentionBounds */
        RetentionBounds: {
            /** Details Years Min */
            details_years_min: number;
            /** Details Years Max */
            details_years_max: number;
            /** Rejection Days Min */
            rejection_days_min: number;
            /** Rejection Days Max */
            rejection_days_max: number;
        };
        /** RetentionPolicyIn */
        RetentionPolicyIn: {
            /** 版本 */
            version: number;
            /** 签到明细保留年数 */
            details_years: number;
            /** 异常扫码记录保留天数 */
            rejection_days: number;
        };
        /** RetentionPolicyOut */
        RetentionPolicyOut: {
            /** Details Years */
            details_years: number;
            /** Rejection Days */
            rejection_days: number;
            /** Version */
            version: number;
            /** Updated By */
            updated_by: string | null;
            /** Updated At */
            updated_at: string | null;
            /** Defaults */
            defaults: {
                [key: string]: number;
            };
            bounds: components["schemas"]["RetentionBounds"];
            /** Removed */
            removed: string[];
            /** Kept */
            kept: string[];
        };
        /** ReviewReason */
        ReviewReason: {
            /** 理由 */
            reason: string;
        };
        /** RevisionIn */
        RevisionIn: {
            /** 规则版本库的修订号 */
            revision: number;
        };
        /**
         * RuleBasisOut
         * @description The version that judges a session, and why.
         */
        RuleBasisOut: {
            /** Version */
            version: string;
            /** Effective From */
            effective_from: string;
            /** Source Title */
            source_title: string;
            /** Reason */
            reason: string;
        };
        /**
         * SelectionCounts
         * @description 共 N 人 / 预选 P 人 / 已选 S 人; ``version`` is the draft's concurrency token, ``frozen`` once submitted.
         */
        SelectionCounts: {
            /** Total */
            total: number;
            /** Preselected Count */
            preselected_count: number;
            /** Selected Count */
            selected_count: number;
            /** Version */
            version: number;
            /** Frozen */
            frozen: boolean;
            /** Draft Updated By */
            draft_updated_by: string | null;
            /** Draft Updated At */
            draft_updated_at: string | null;
        };
        /**
         * SelectionIn
         * @description Submits the admin's draft; ``version`` (the report's, as last read) refuses a list changed since.
         */
        SelectionIn: {
            /**
             * 名单版本（上次读取时）
             * @default null
             */
            version?: number | null;
        };
        /**
         * SelectionOut
         * @description One page of candidates (``next_cursor`` continues after its last person) with the session's counts.
         */
        SelectionOut: {
            /** Total */
            total: number;
            /** Preselected Count */
            preselected_count: number;
            /** Selected Count */
            selected_count: number;
            /** Version */
            version: number;
            /** Frozen */
            frozen: boolean;
            /** Draft Updated By */
            draft_updated_by: string | null;
            /** Draft Updated At */
            draft_updated_at: string | null;
            /** Required Hours */
            required_hours: number;
            /** Items */
            items: components["schemas"]["CandidateOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** SessionCreate */
        SessionCreate: {
            /** 会场地址 */
            venue: string;
            /**
             * 开始日期
             * Format: date
             */
            start_date: string;
            /**
             * 结束日期
             * Format: date
             */
            end_date: string;
            /** 教学日程 */
            schedule: components["schemas"]["BlockIn"][];
            /** 计划人数 */
            planned_attendees: number;
            /**
             * 备注
             * @default null
             */
            remark?: string | null;
            /** 签到签退设置 */
            attendance?: components["schemas"]["AttendanceSettings"];
            /**
             * 规定学时
             * @default null
             */
            required_hours?: number | null;
            /** 期数 */
            seq: number;
        };
        /** SessionDraftData */
        SessionDraftData: {
            /**
             * 期数
             * @default null
             */
            seq?: number | null;
            /**
             * 会场地址
             * @default
             */
            venue?: string;
            /**
             * 开始日期
             * @default null
             */
            start_date?: string | null;
            /**
             * 结束日期
             * @default null
             */
            end_date?: string | null;
            /** 教学日程 */
            schedule?: components["schemas"]["DraftBlock"][];
            /**
             * 计划人数
             * @default null
             */
            planned_attendees?: number | null;
            /**
             * 备注
             * @default
             */
            remark?: string;
            /**
             * 规定学时
             * @default null
             */
            required_hours?: number | null;
            /**
             * 签到签退设置
             * @default null
             */
            attendance?: components["schemas"]["DraftAttendance"] | null;
        };
        /**
         * SessionDraftIn
         * @description The form as typed, on the draft's ``version`` as last read (0: none yet; else 409 DRAFT_STALE); ``data``
         *     null discards the draft.
         */
        SessionDraftIn: {
            /** 草稿版本（上次读取时） */
            version: number;
            /** 草稿 */
            data: components["schemas"]["SessionDraftData"] | null;
        };
        /** SessionDraftOut */
        SessionDraftOut: {
            data: components["schemas"]["SessionDraftData"] | null;
            /** Version */
            version: number;
            /** Updated By */
            updated_by: string | null;
            /** Updated At */
            updated_at: string | null;
        };
        /** SessionOut */
        SessionOut: {
            /** Session Id */
            session_id: string;
            /** Project Id */
            project_id: string;
            /** Seq */
            seq: number;
            /** Project Number */
            project_number: string;
            /** Project Name */
            project_name: string;
            /** Project Level */
            project_level: string;
            /** Leader */
            leader: string;
            /** Credits */
            credits: number;
            /** Org Id */
            org_id: string;
            /** Org Name */
            org_name: string;
            /** Department */
            department: string;
            /** Venue */
            venue: string;
            /** Start Date */
            start_date: string;
            /** End Date */
            end_date: string;
            /** Schedule */
            schedule: components["schemas"]["BlockOut"][];
            /** Teaching Hours */
            teaching_hours: number;
            /** Schedule Credits */
            schedule_credits: number;
            /** Credits Shortfall */
            credits_shortfall: number;
            /** 判定学分所用的规则版本及原因 */
            credit_rule: components["schemas"]["RuleBasisOut"];
            /** Planned Attendees */
            planned_attendees: number;
            /** Remark */
            remark: string | null;
            /** Materials */
            materials: components["schemas"]["MaterialOut"][];
            attendance: components["schemas"]["AttendanceSettingsOut"];
            /** Windows */
            windows: components["schemas"]["WindowOut"][];
            /** Required Hours */
            required_hours: number;
            /** Report Status */
            report_status: ("pending" | "reported" | "returned" | "submitted" | "office_returned" | "granted") | null;
            /** Report Status Label */
            report_status_label: string | null;
            deadline: components["schemas"]["DeadlineOut"] | null;
            /**
             * Status
             * @enum {string}
             */
            status: "draft" | "submitted" | "forwarded" | "returned" | "approved";
            /** Status Label */
            status_label: string;
            /** Review Reason */
            review_reason: string;
            /** Actions */
            actions: ("upload" | "edit" | "submit" | "forward" | "return" | "approve" | "delete")[];
            /** Created At */
            created_at: string;
            /** Updated At */
            updated_at: string;
        };
        /** SessionPage */
        SessionPage: {
            /** Items */
            items: components["schemas"]["SessionOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** SessionReason */
        SessionReason: {
            /** 理由 */
            reason: string;
        };
        /** SessionReport */
        SessionReport: {
            /** Signed In */
            signed_in: number;
            /** Signed Out */
            signed_out: number;
            /** Incomplete */
            incomplete: number;
            /** Attendees */
            attendees: number;
            /** Grassroots Share */
            grassroots_share: number;
            /** Out Of Region Share */
            out_of_region_share: number;
            questionnaire: components["schemas"]["QuestionnaireStatistics"];
            /** Credited Attendees */
            credited_attendees: number;
            /** Credits Granted */
            credits_granted: number;
            /** Lecturer Credits */
            lecturer_credits: number;
            /**
             * As Of
             * @default null
             */
            as_of?: string | null;
        };
        /** SessionUpdate */
        SessionUpdate: {
            /** 会场地址 */
            venue: string;
            /**
             * 开始日期
             * Format: date
             */
            start_date: string;
            /**
             * 结束日期
             * Format: date
             */
            end_date: string;
            /** 教学日程 */
            schedule: components["schemas"]["BlockIn"][];
            /** 计划人数 */
            planned_attendees: number;
            /**
             * 备注
             * @default null
             */
            remark?: string | null;
            /** 签到签退设置 */
            attendance?: components["schemas"]["AttendanceSettings"];
            /**
             * 规定学时
             * @default null
             */
            required_hours?: number | null;
        };
        /** SignIn */
        SignIn: {
            /** 二维码 */
            t: string;
            /** 身份证号码 */
            id_number: string;
            /** 姓名 */
            name: string;
            /**
             * 性别
             * @enum {string}
             */
            gender: "male" | "female";
            /** 年龄 */
            age: number;
            /** 手机号 */
            mobile: string;
            /** 单位 */
            unit: string;
            /** 科室 */
            department: string;
            /** 单位所在地 */
            region: string;
            /** 是否来自基层 */
            grassroots: boolean;
            /** 职称 */
            title: string;
            /**
             * 职务
             * @default null
             */
            position?: string | null;
            /**
             * 学历
             * @default null
             */
            education?: string | null;
            /**
             * 设备标识
             * @default null
             */
            client_id?: string | null;
        };
        /** SignInResult */
        SignInResult: {
            /**
             * Status
             * @enum {string}
             */
            status: "signed_in" | "already" | "elsewhere";
            /** Signed In At */
            signed_in_at: string | null;
            /** Name */
            name: string | null;
        };
        /** SignOut */
        SignOut: {
            /** 二维码 */
            t: string;
            /**
             * 手机号
             * @default null
             */
            mobile?: string | null;
            /**
             * 身份证号码
             * @default null
             */
            id_number?: string | null;
            /** 问卷 */
            answers: {
                [key: string]: unknown;
            };
        };
        /** SignOutResult */
        SignOutResult: {
            /**
             * Status
             * @enum {string}
             */
            status: "signed_out" | "already";
            /** Signed In At */
            signed_in_at: string;
            /** Signed Out At */
            signed_out_at: string;
            /** Hours */
            hours: number;
        };
        /** Timeline */
        Timeline: {
            /** Items */
            items: components["schemas"]["TimelineEntry"][];
        };
        /** TimelineEntry */
        TimelineEntry: {
            /** At */
            at: string;
            /** Actor */
            actor: string;
            /**
             * 办理人姓名
             * @description 姓名；早期记录没有姓名时为账号
             */
            actor_name: string;
            /** Actor Role */
            actor_role: string;
            /** Action */
            action: string;
            /** Action Label */
            action_label: string;
            /** Reason */
            reason: string | null;
        };
        /** UnreadCount */
        UnreadCount: {
            /** Unread */
            unread: number;
        };
        /** UploadConfirm */
        UploadConfirm: {
            /** 文件键 */
            key: string;
            /** 文件名 */
            filename: string;
        };
        /** UploadRequest */
        UploadRequest: {
            /** 文件名 */
            filename: string;
            /** 文件类型 */
            content_type: string;
            /** 文件大小 */
            size: number;
        };
        /** UploadTicket */
        UploadTicket: {
            /** Url */
            url: string;
            /** Fields */
            fields: {
                [key: string]: string;
            };
            /** Key */
            key: string;
            /** Max Bytes */
            max_bytes: number;
            /** Expires In */
            expires_in: number;
        };
        /** UserOut */
        UserOut: {
            /** Username */
            username: string;
            /** Display Name */
            display_name: string;
            /**
             * Role
             * @enum {string}
             */
            role: "office" | "admin" | "organizer";
            /** Org Id */
            org_id: string;
            /** Org Name */
            org_name: string;
            /** Department */
            department: string | null;
            /** Email */
            email: string | null;
            /** Must Change Password */
            must_change_password: boolean;
        };
        /** VerifiedCertificate */
        VerifiedCertificate: {
            /** Certificate No */
            certificate_no: string;
            /** Verification Code */
            verification_code: string;
            /**
             * Status
             * @enum {string}
             */
            status: "valid" | "revoked";
            /** Status Label */
            status_label: string;
            /** Revoked Reason */
            revoked_reason: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /** Replaced By */
            replaced_by: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "attendee" | "lecturer";
            /** Name */
            name: string;
            /** Id Number */
            id_number: string | null;
            /** Project Number */
            project_number: string;
            /** Project Name */
            project_name: string;
            /** Project Level */
            project_level: string;
            /** Level Label */
            level_label: string;
            /** Credit Class */
            credit_class: string;
            /** Credits */
            credits: number;
            /** Start Date */
            start_date: string;
            /** End Date */
            end_date: string;
            /** Form */
            form: string;
            /** Organiser */
            organiser: string;
            /** Issuer */
            issuer: string;
            /** Issued On */
            issued_on: string;
            /** Verifications */
            verifications: number;
        };
        /** WindowOut */
        WindowOut: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "in" | "out";
            /** Day */
            day: string | null;
            /** Opens */
            opens: string;
            /** Closes */
            closes: string;
        };
        /** WindowsPreview */
        WindowsPreview: {
            attendance: components["schemas"]["AttendanceSettingsOut"];
            /** Windows */
            windows: components["schemas"]["WindowOut"][];
        };
        /** WindowsPreviewIn */
        WindowsPreviewIn: {
            /** 教学日程 */
            schedule?: components["schemas"]["BlockTimes"][];
            /**
             * 签到签退设置（不填为默认设置）
             * @default null
             */
            attendance?: components["schemas"]["AttendanceSettings"] | null;
        };
        /** YearCertificateOut */
        YearCertificateOut: {
            /** Certificate No */
            certificate_no: string | null;
            /** Verification Code */
            verification_code: string | null;
            /** Project Number */
            project_number: string;
            /** Project Name */
            project_name: string;
            /**
             * Project Level
             * @enum {string}
             */
            project_level: "national" | "provincial";
            /** Level Label */
            level_label: string;
            /** Credit Class */
            credit_class: string;
            /** Credits */
            credits: number;
            /** Hours */
            hours: number;
            /** Start Date */
            start_date: string;
            /** End Date */
            end_date: string;
            /** Organiser */
            organiser: string;
            /** Issued On */
            issued_on: string | null;
        };
        /** YearlyRequirementIn */
        YearlyRequirementIn: {
            /** 每年应获学分 */
            total_credits: number;
            /** 各类学分下限 */
            class_minimums: components["schemas"]["ClassMinimumIn"][];
            /** 依据 */
            source: string;
        };
        /** YearlyRequirementOut */
        YearlyRequirementOut: {
            /** 每年应获学分 */
            total_credits: number;
            /** 各类学分下限 */
            class_minimums: components["schemas"]["ClassMinimumOut"][];
            /** 依据 */
            source: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    get_accounts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                org_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountPage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_accounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountCreate"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_accounts_username: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_accounts_username_password: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordReset"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_accounts_username_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_accounts_username_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_public_attendance_session_id_kind: {
        parameters: {
            query: {
                t: string;
            };
            header?: never;
            path: {
                session_id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodePage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_public_attendance_session_id_sign_in: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInResult"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_public_attendance_session_id_sign_out_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Identify"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendeeCheck"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_public_attendance_session_id_sign_out: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignOut"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignOutResult"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_attendance_codes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Codes"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_attendance_codes_kind_file: {
        parameters: {
            query: {
                format: "png" | "svg" | "pdf";
            };
            header?: never;
            path: {
                session_id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Download"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_attendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceTotals"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_attendance_attendees: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendeePage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_attendance_export: {
        parameters: {
            query?: never;
            header?: {
                /** @description 每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个） */
                "Idempotency-Key"?: string;
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStarted"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_attendance_questionnaire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireStatistics"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_attendance_rejections: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectionPage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_attendance_windows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WindowsPreviewIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowsPreview"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_audit: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 账号已锁定 */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_auth_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_auth_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_public_certificates_query: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateQuery"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateList"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_public_certificates_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedCertificate"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_public_certificates_code_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateLink"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 已失效（如证书已作废） */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_certificates: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificatePage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_certificates_pdf: {
        parameters: {
            query?: never;
            header?: {
                /** @description 每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个） */
                "Idempotency-Key"?: string;
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStarted"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_certificates_certificate_no_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                certificate_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateReason"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_certificates_certificate_no_reissue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                certificate_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateReason"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_sessions_session_id_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_report_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_report_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_selection: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                view?: "all" | "selected" | "unselected" | "below";
            };
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelectionOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_sessions_session_id_selection_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelectionCounts"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_selection_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SelectionIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_selection_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_deadline_extension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_credits_grant: {
        parameters: {
            query?: never;
            header?: {
                /** @description 每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个） */
                "Idempotency-Key"?: string;
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStarted"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_credits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditList"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_projects_project_id_session_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDraftOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_projects_project_id_session_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionDraftIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDraftOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDraftOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_sessions_session_id_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionDraftIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDraftOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_report_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDraftOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_sessions_session_id_report_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportDraftIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDraftOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_jobs_job_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_meta: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meta"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_openapi_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_notifications: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_notifications_notification_id_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_notifications_read_all: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_credit_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditRules"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_credit_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditRuleIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditRules"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_credit_rules_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditRuleIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditRules"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_credit_rules_version_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevisionIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditRules"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_discipline_catalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_discipline_catalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CatalogueEntryIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_discipline_catalogue_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CatalogueRetireIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_organisations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_organisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationCreate"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_organisations_org_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    patch_organisations_org_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationUpdate"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_public_person_credits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonCreditsQuery"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonCreditsOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 请求过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_person_credits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonCreditsQuery"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonCreditsOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_personal_data_export: {
        parameters: {
            query?: never;
            header?: {
                /** @description 每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个） */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonalDataExport"];
            };
        };
        responses: {
            /** @description 成功 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStarted"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_personal_data_certificates_certificate_no: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                certificate_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectableOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_personal_data_certificates_certificate_no_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                certificate_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Correction"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectableOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_projects: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                year?: number;
                level?: "national" | "provincial";
                name?: string;
                leader?: string;
                status?: "draft" | "declared" | "returned" | "forwarded" | "approved" | "rejected";
                org_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_national: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NationalProjectCreate"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_provincial: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProvincialProjectCreate"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_projects_import_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Download"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportFile"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_export: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                year?: number;
                level?: "national" | "provincial";
                name?: string;
                leader?: string;
                status?: "draft" | "declared" | "returned" | "forwarded" | "approved" | "rejected";
                org_id?: string;
            };
            header?: {
                /** @description 每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个） */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStarted"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_projects_project_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_projects_project_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    patch_projects_project_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectUpdate"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_project_id_declare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_project_id_forward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_project_id_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewReason"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_project_id_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_project_id_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewReason"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_disciplines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisciplineList"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_public_projects: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                year?: number;
                level?: "national" | "provincial";
                name?: string;
                leader?: string;
                organisation?: string;
                discipline?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProjectPage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_questionnaires_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_questionnaires: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireList"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_questionnaires: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionnaireIn"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_reports_sessions_session_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionReport"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_reports_sessions_session_id_export: {
        parameters: {
            query?: never;
            header?: {
                /** @description 每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个） */
                "Idempotency-Key"?: string;
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStarted"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_reports_organisations: {
        parameters: {
            query?: {
                year?: number;
                org_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationReport"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_reports_organisations_export: {
        parameters: {
            query?: {
                year?: number;
                org_id?: string;
            };
            header?: {
                /** @description 每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个） */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStarted"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_reports_province: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvinceReport"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_reports_province_export: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: {
                /** @description 每次点击一个新值：同一用户一天内重发同一值，得到同一个任务（不会再建一个） */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStarted"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_retention_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPolicyOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_retention_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionPolicyIn"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPolicyOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                year?: number;
                status?: "draft" | "submitted" | "forwarded" | "returned" | "approved";
                name?: string;
                org_id?: string;
                project_id?: string;
                report_status?: "pending" | "reported" | "returned" | "submitted" | "office_returned" | "granted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPage"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_projects_project_id_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionCreate"];
            };
        };
        responses: {
            /** @description 成功 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_sessions_session_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionUpdate"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_sessions_session_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_materials_kind_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadRequest"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadTicket"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_materials_kind_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadConfirm"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_materials_kind: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialLink"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_sessions_session_id_materials_kind: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_sessions_session_id_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_forward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionReason"];
            };
        };
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 请求内容有误 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    post_sessions_session_id_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 对象不存在 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 与当前数据冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description 服务暂时不可用（依赖的服务未及时响应） */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
