<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份/恢复</source>
        <extracomment>emitted after a successful restore: the main window must close (its database changed)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立即备份或恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份到文件(&amp;B)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份包含数据库、证据文件和已出具的文书，并附 SHA-256 清单；办案过程中也可随时备份。恢复前会先校验备份，被替换的数据另存到 backups 文件夹。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每日自动备份（每天首次启动后在后台进行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件夹（可为网络共享）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保留最近的每日备份（份）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另保留每周备份（周）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共享数据库服务器由管理员用 pg_dump 备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份到文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件 (*.lcbackup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已备份 %1 件案件到 %2
SHA-256：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复将用备份中的数据替换当前数据库和文件；当前数据会另存到 backups 文件夹，不会删除。恢复后本系统将关闭，请重新启动。继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在校验并恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已从备份恢复 %1 件案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原数据另存在 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请重新启动本系统。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>（本期无）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BasicTab</name>
    <message>
        <source>如：某某公司直播间虚假宣传案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立案后填写，如 杭西市监立〔2026〕12号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案情摘要：线索来源、涉嫌违法行为、涉及的直播间和商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件名称(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件来源：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索接收日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办案阶段：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关键日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>承办人员（两名以上）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案情摘要：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未立案</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListDialog</name>
    <message>
        <source>立案编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未立案）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 件，双击打开案件。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立案日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>承办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未立案）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管辖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移送司法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一案三查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未立案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件有尚未保存的修改。关闭前保存吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>修改密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员重置了%1的密码，请设置只有您本人知道的新密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改%1的登录密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再输一次：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClueDialog</name>
    <message>
        <source>登记线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索反映的问题：直播间、商品、行为、时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>投诉举报人或移送机关；匿名的留空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话或地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索来源：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索内容：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提供人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系方式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClueRegisterPage</name>
    <message>
        <source>登记线索…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查（建立案卷）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为线索建立案卷并开始核查；核查后在案件的“办案操作”中立案或者不予立案。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索应当自发现或者收到之日起十五个工作日内核查，决定是否立案（《市场监督管理行政处罚程序规定》第十八条）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未立案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索已登记。选中后点击“核查（建立案卷）”开始核查。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件名称（可在案件中修改）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已建立案卷。在案件的“办案操作”中开始核查，再立案或者不予立案。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>设置表头对应关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>左侧是报送文件第1行的表头，请为每一列选择对应的报送项目。类型、名称或姓名、统一社会信用代码、身份证件号码、地址、联系方式、直播账号必须有对应列。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseSettingsDialog</name>
    <message>
        <source>数据库设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已记住（留空则沿用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在本机记住密码（仅本用户可读的密码文件，不写入设置）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不记住密码时，密码只在本次运行中使用；也可由信息技术人员设置环境变量 PGPASSWORD 或 LCREGULATOR_DATABASE_URL。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注意：本机的环境变量 LCREGULATOR_DATABASE_URL 指定了数据库；这里保存的地址在本次运行中使用，下次启动时仍以环境变量为准。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存并连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连接失败：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剩余</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件中止，办案期限停止计算；恢复后继续计算（程序规定第六十四条）。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出具日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256（PDF）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出具文书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为 PDF/DOCX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录送达…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部导出到文件夹…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更正…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已作废）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已更正，见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（更正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在上表中选择要更正的文书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该文书已由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更正，请更正后者。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已出具更正文书，原文书标为已更正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在上表中选择要记录送达的文书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>送达方式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>的理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已作废，文号保留不再使用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在上表中选择要打印的文书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择导出文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出文书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 %1 个文件。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueSoonPage</name>
    <message>
        <source> 个工作日内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包括已逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剩余工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（约谈）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈整改期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未立案）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 件，其中逾期 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提取时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提取人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证据文件按 SHA-256 保存在证据库中；“重新校验”逐一核对文件是否被改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加证据文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新校验全部证据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先保存案件，再添加证据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择证据文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在添加证据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在校验证据文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 个证据文件校验不一致：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 个证据文件校验一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>首次使用：设置执法机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欢迎使用直播电商监管执法办案系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本系统依据《直播电商监督管理办法》办理直播电商案件。开始前，请填写本机关信息和第一位执法人员（您本人）。这些信息保存在数据库中，可以在“工具 → 设置”中修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机关代字用于文书文号，如“杭西市监”将生成“杭西市监〔2026〕1号”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：杭州市西湖区市场监督管理局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：杭西市监</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入区划代码或名称，如 330106 或 西湖区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机关名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机关代字：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政区划：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第一位执法人员（您本人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>承办人须填写执法证号（行政处罚法第四十二条）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法证号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登录密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再输一次：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>您将同时是本系统的管理员（登记执法人员、设置密码和本机关设置）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演示案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>载入演示案件（覆盖各类当事人和各个办案阶段，名称均标有“演示”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政处罚决定书须载明的信息（可稍后在“设置 → 文书设置”中填写；未填写前不能出具决定书）。复议机关留空时取本级人民政府。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>操作指南</source>
        <extracomment>the guide&apos;s screenshots (package data, written by tools/screenshot_guide.py)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入外省共享的身份信息（办法第四十八条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入平台报送的身份信息（办法第九条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：北京市市场监督管理局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送文件（xlsx 或 CSV）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送期次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共享来源机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表头对应…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择文件、平台和期次后按“检查”。检查不保存任何数据；有问题的行会逐行列出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列（表头）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择报送文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送文件 (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择报送文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入有效行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有 %1 行未通过检查，将不导入。是否导入其余 %2 行有效数据？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取和检查……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 行：有效 %2 行，未通过检查 %3 行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入有效的 %1 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未通过检查的行列在下方；可以退回平台更正，或者只导入有效行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部通过检查，可以导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导入 %2 行（共 %1 行，未导入 %3 行）。报送文件已按 SHA-256 登记，不能重复导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能导入</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <source>完整性校验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校验时间线的哈希链（有无被改动、删除或插入的记录）、数据库本身、每个证据文件和每份已出具文书（PDF、DOCX）的 SHA-256。只读，不会修改任何数据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始校验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未校验。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号/文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>隔离无引用文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把无任何记录引用、且已超过 10 分钟的文件移入隔离文件夹（不删除）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已停止校验，未得出结论。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间线 %1 条事件，证据文件 %2 个，已出具文书 %3 份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已隔离或清除 %1 个文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校验通过，未发现改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现 %1 处问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>隔离无引用文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将把无任何记录引用、且已超过 10 分钟的文件移入数据文件夹下的 quarantine 隔离文件夹（不删除，可由信息技术人员核查），并记入时间线。是否继续？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在隔离…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校验未能完成：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>更正文书</source>
        <extracomment>the preview shows the document as drawn now</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出具文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受送达当事人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出具（编号并存档）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案已出具：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（选填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先补充文书所需事项，预览生成后再打印预览。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成文书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在出具文书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出具后将占用文号，不能修改，只能作废或者更正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出具后将存档，不能修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新文书将更正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，原文书在登记中标为已更正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认出具</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认按预览内容出具《</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>返回修改</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JurisdictionTab</name>
    <message>
        <source>重新判断</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认管辖结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人信息修改后，管辖结论已与确认时不同，请重新核对并确认。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>已锁定 — 直播电商监管执法办案系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>系统已锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>长时间未操作，已锁定以保护案件信息。请%1输入密码继续。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>切换执法人员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <source>直播账号、名称（姓名）、身份证件号码或者统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看最新一期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称或姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属服务机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列表中身份证件号码已隐去出生日期；打开记录可查看完整号码。每次查询和打开都记入时间线。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建立或补充当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已被后续报送替代</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（%1共享）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有找到报送记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送身份信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择一条记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建立当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存当事人“%1”（%2），地址：%3。案件“管辖”页将按报送的实际经营地计算。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>直播电商监管执法办案系统 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>常用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找：案件编号、当事人名称、统一社会信用代码/身份证号、直播账号或直播间名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部承办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未选择执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共享数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仅逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件登记簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前执法人员：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码已修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计数中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有符合条件的案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无案件。点击“新建案件”登记第一件案件，或在“工具”菜单中载入演示案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在案件登记簿中选择案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选案件尚未出具文书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（%2 件案件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批量打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印哪一种文书：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选案件尚未出具这种文书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已打印 %1 份文书，共 %2 页。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择本省裁量基准文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>裁量基准 (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法载入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已载入：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>载入演示案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将在当前数据库中加入一组演示当事人和案件（名称均标有“演示”）。继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已载入 %1 件演示案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播电商监管执法办案系统 lcregulator %1
依据《直播电商监督管理办法》</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MissingReportsBox</name>
    <message>
        <source>平台未按期报送身份信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送期次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>截止日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择平台。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记线索：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>新密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再输一次：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficerSignInDialog</name>
    <message>
        <source>登录 — 直播电商监管执法办案系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法机关：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无执法证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>须修改管理员重置的密码后才能使用本系统。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置管理员密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本系统已启用密码登录，尚未设置任何管理员密码。请为管理员%1设置密码（至少%2个字符），以后用它登录；其他执法人员的密码由管理员在“设置”中设置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择正在使用本系统的执法人员。此后的每一项操作都会记录在该人员名下。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法人员(&amp;O)：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>取消</source>
        <extracomment>how long work may take before the progress dialog appears (fast work never flashes one) how often the UI thread looks at the work&apos;s figures and outcome</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能完成</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutageBanner</name>
    <message>
        <source>与数据库服务器的连接中断，正在重试（%1 秒后第 %2 次）。各窗口中填写的内容都保留着，连接恢复后再保存即可；期间的保存不会生效。</source>
        <extracomment>emitted when the server answers again (the window reloads what it shows) the pauses between retries, seconds; the last one repeats how long &quot;reconnected&quot; stays up how often the UI thread looks for a loss met on a worker thread</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已重新连接数据库服务器。请把未保存的内容再保存一次。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <source>名称/姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证照号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住所地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建当事人…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加已登记当事人…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑当事人…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移出本案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈当事人…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该当事人在本案中的身份：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该当事人已以此身份列入本案。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>编辑当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（不适用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通过直播电商平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自建网站、其他网络服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账号ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播间名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号仅向本案承办人员完整显示。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共约谈 %1 次，其中未整改或者部分整改 %2 次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有直播营销人员、直播间运营者可以关联其他当事人，请先选择身份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人类型(&amp;K)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称/姓名(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>营业执照上的名称，或身份证上的姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播电商平台经营者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播间运营者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播营销人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他网络服务提供者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经营渠道：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主体登记：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已办理经营主体登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码(&amp;U)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公民身份号码(&amp;I)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18位；个体工商户填经营者本人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>法定代表人/负责人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电子邮箱：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住所与经营地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住所地区划(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入区划代码或名称，如 西湖区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住所地地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自然人填经常居所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>户籍地区划：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自然人户籍地与经常居所不一致时填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>户籍地地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实际经营地区划：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不明的留空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实际经营地地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管辖依据《直播电商监督管理办法》第四十七条，取决于住所地和实际经营地，请按证照和调查情况填写。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播营销人员关联其出镜的直播间运营者和所属服务机构；直播间运营者关联其所在的直播电商平台。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加关联…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyPickerDialog</name>
    <message>
        <source>选择当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入名称、统一社会信用代码、身份证号或直播账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有符合条件的当事人。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PenaltyDialog</name>
    <message>
        <source>处罚裁量：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒不改正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情节严重</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>涉及生命健康安全、金融安全且有危害后果（追诉时效五年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>元；没有或无法计算的留空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>广告费用明显偏低</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拟没收的非法财物价值（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人类型：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>决定日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责令改正：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法所得：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>广告费用：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>货值金额：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>非法财物：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职务行为：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>广告中的身份：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>裁量情节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（依据未经核实）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拟罚款金额（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选填：选择该罚款金额的理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存裁量结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拟罚款：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>裁量理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不适用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依现有事实不能罚款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予处罚</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应当</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可以</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlatformsPage</name>
    <message>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住所地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列入报送名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自定义表头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政区划：名称或代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列入本局报送名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送平台</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览（草稿，尚未出具）：</source>
        <extracomment>pages sent to the printer, once the print operation has finished</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印预览：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>适合页面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 页，共 %2 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已送打印机，共 %1 页。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>报送身份信息：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称或姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直播账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属服务机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送地址变化（实际经营地址或经常居住地址）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralPanel</name>
    <message>
        <source>涉嫌行为：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人类型：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>利用广告对食品、药品作虚假宣传</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>二年内因同类行为受过刑事或者行政处罚</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经检验认定足以造成严重食物中毒事故或者严重食源性疾病</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>二年内虚假广告受罚次数：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人信息类别：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核对追诉标准</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterExportDialog</name>
    <message>
        <source>导出案件台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每个年度一个工作表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写台账文件的保存位置。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入平台报送…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入外省共享…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按省共享（第四十八条）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台报送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1共享</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已被替代（保留）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择共享文件的保存位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按省共享</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：%2 行，函 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已生成：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有外省的记录。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>平台报送身份信息（办法第九条、第四十八条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送平台</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>保存本机关信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>兼任角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新登记时填写初始密码（本人首次登录须修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>初始密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重置所选人员密码…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无人操作多久后锁定窗口、须重新输入密码（管理员设置）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空闲锁屏：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可用环境变量 LCREGULATOR_FONT_FANGSONG 等指定字体文件（路径[,序号]）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书字体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政处罚决定书须载明复议机关、诉讼法院和罚没款缴纳方式（行政处罚法第五十九条）。复议机关留空时按行政复议法第二十四条取本级人民政府：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（请先设置辖区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存文书设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置 — 文书设置已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能停用当前正在使用系统的执法人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在列表中选择执法人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已重置%1的密码，其下次登录时须修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置 — 本机关信息已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机关名称(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：杭州市西湖区市场监督管理局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机关代字(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用于文号，如：杭西市监</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政区划(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入区划代码或名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机关管辖的地域决定《直播电商监督管理办法》第四十七条下的管辖权判断；机关代字出现在每一份文书的文号中。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法证号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在岗（可登录、可承办案件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageBar</name>
    <message>
        <source>办案操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步：%1&#x3000;所需文书：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所需文书：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>%1，您好。双击一行打开案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未选择执法人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所需文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>我的待办（承办的未结案件，期限近的在前）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近办理的案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出报表（PDF）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计期间：%1 至 %2（单击任一条目列出相应案件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出统计报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatuteViewer</name>
    <message>
        <source>法规：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索条文，如“黑名单”；或输入条号，如 47</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（依法必须）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（选填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所需文书：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”完成后不能撤回，确定办理吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在办理“%1”…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummonsDialog</name>
    <message>
        <source>约谈：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈事由（《直播电商监督管理办法》第五十二条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>具体情形</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：法定代表人赵某</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：本局三楼约谈室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会同网信部门联合约谈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈记录：被约谈人说明的情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改承诺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改要求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被约谈人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈地点：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈人员：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈记录：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改承诺：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改要求：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（尚未核查）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改结果：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未整改：转为案件线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已出具：%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在出具文书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已转为案件线索：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>文书模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员可安装本局调整过措辞的文书模板（文件名为文书种类加 .txt）。模板在安全沙箱中填写，安装前逐行检查；若本局模板出错，仍使用内置模板。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>种类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安装模板…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销所选的本局模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本局模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择文书模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书模板 (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已安装：%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已恢复内置模板。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripleCheckPanel</name>
    <message>
        <source>一案三查：查处直播间运营者、直播营销人员时，一并核查直播电商平台经营者（办法第八条至第二十二条）和直播营销人员服务机构（第三十九条至第四十五条）是否履行了各自的义务。下列对象来自平台报送的身份信息和当事人的直播账号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应核查的义务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核查情况或者未核查的理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成关联线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本案当事人中没有直播间运营者或直播营销人员，或者报送信息中没有找到其平台和服务机构。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（待核查）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一案三查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择核查对象。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对“%1”生成一条关联线索（%2）？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message>
        <source>全部当事人（共同实施）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实施该行为的当事人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在左侧列表中点击一条条款，这里显示条文。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违反的条款(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选条款，如“核验”“价格”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>条文：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在法规中查看…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法事实(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>何时、在哪个直播间、以何种方式实施了什么行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发生日期(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy年M月d日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终了日期(&amp;E)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当日终了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仍在持续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>color: #b00020;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViolationsTab</name>
    <message>
        <source>条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>终了日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违法事实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处罚裁量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加违法行为…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处罚裁量…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看法条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>banner</name>
    <message>
        <source>时间线完整性校验未通过：%1（数据仍可查阅；请在“工具 → 完整性校验”中查看全部问题，并报告管理员。）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>正在打印文书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（执法证号 %2）初始密码：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演示执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演示案件需要两名持执法证的办案人员，已新建：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请记下初始密码（此后不再显示）；首次登录时须修改。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>start</name>
    <message>
        <source>无法使用案件数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开其他数据文件夹…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择数据文件夹</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>导出卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出卷宗（卷号 %1，共 %2 页）：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出卷宗…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存归档时装订的卷宗（PDF）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出台账：%1 件，%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出案件台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出案件包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先保存案件，再导出案件包。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件包 (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出案件包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出案件包：%1（含当事人完整身份证件号码，请妥善保管）SHA-256 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出案件包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把本案（当事人、证据、文书、时间线，已归档的含卷宗）导出为一个案件包，用于移送或存档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入案件包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在校验并导入案件包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导入案件包：%1（来自%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

是否作为未编号的新案件导入？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未导入案件包。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
