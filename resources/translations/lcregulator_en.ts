<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../lcregulator/gui/case_table.py" line="51"/>
        <source>案件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_table.py" line="52"/>
        <source>案件名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_table.py" line="53"/>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_table.py" line="54"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_table.py" line="55"/>
        <source>立案日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_table.py" line="56"/>
        <source>承办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_table.py" line="125"/>
        <source>（未立案）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="117"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="118"/>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="119"/>
        <location filename="../../lcregulator/gui/case_window.py" line="233"/>
        <source>违法行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="120"/>
        <source>证据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="121"/>
        <source>时间线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="128"/>
        <location filename="../../lcregulator/gui/case_window.py" line="359"/>
        <source>案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="130"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="134"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="161"/>
        <source>如：某某公司直播间虚假宣传案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="163"/>
        <source>立案后填写，如 杭西市监立〔2026〕12号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="175"/>
        <source>案情摘要：线索来源、涉嫌违法行为、涉及的直播间和商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="189"/>
        <source>案件名称(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="190"/>
        <source>案件编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="191"/>
        <source>案件来源：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="192"/>
        <source>线索接收日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="193"/>
        <source>办案阶段：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="194"/>
        <source>关键日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="195"/>
        <source>承办人员（两名以上）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="196"/>
        <source>案情摘要：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="208"/>
        <source>名称/姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="208"/>
        <location filename="../../lcregulator/gui/case_window.py" line="437"/>
        <source>本案身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="208"/>
        <source>证照号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="208"/>
        <source>住所地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="213"/>
        <source>新建当事人…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="214"/>
        <source>添加已登记当事人…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="215"/>
        <source>编辑当事人…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="216"/>
        <source>移出本案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="232"/>
        <source>条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="234"/>
        <source>发生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="235"/>
        <source>终了日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="236"/>
        <source>违法事实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="242"/>
        <source>添加违法行为…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="243"/>
        <source>编辑…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="244"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="245"/>
        <source>查看法条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="261"/>
        <source>文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="262"/>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="263"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="264"/>
        <source>提取时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="265"/>
        <source>提取人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="266"/>
        <source>校验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="270"/>
        <source>证据文件按 SHA-256 保存在证据库中；“重新校验”逐一核对文件是否被改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="274"/>
        <source>添加证据文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="276"/>
        <source>重新校验全部证据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="289"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="289"/>
        <source>执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="289"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="323"/>
        <source>尚未立案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="324"/>
        <source>未立案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="325"/>
        <source>新案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="326"/>
        <source>新建案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="376"/>
        <source>保存冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="399"/>
        <source>尚未保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="400"/>
        <source>案件有尚未保存的修改。关闭前保存吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="437"/>
        <source>该当事人在本案中的身份：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="443"/>
        <source>该当事人已以此身份列入本案。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="562"/>
        <source>请先保存案件，再添加证据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="568"/>
        <source>选择证据文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="574"/>
        <source>无法添加证据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="589"/>
        <source>%1 个证据文件校验不一致：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/case_window.py" line="594"/>
        <source>%1 个证据文件校验一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="43"/>
        <source>首次使用：设置执法机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="45"/>
        <source>下一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="46"/>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="47"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="48"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="52"/>
        <source>欢迎使用直播电商监管执法办案系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="55"/>
        <source>本系统依据《直播电商监督管理办法》办理直播电商案件。开始前，请填写本机关信息和第一位执法人员（您本人）。这些信息保存在数据库中，可以在“工具 → 设置”中修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="63"/>
        <source>本机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="65"/>
        <source>机关代字用于文书文号，如“杭西市监”将生成“杭西市监〔2026〕1号”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="67"/>
        <source>如：杭州市西湖区市场监督管理局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="68"/>
        <source>如：杭西市监</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="69"/>
        <source>输入区划代码或名称，如 330106 或 西湖区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="76"/>
        <source>机关名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="77"/>
        <source>机关代字：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="78"/>
        <source>行政区划：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="80"/>
        <source>地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="81"/>
        <source>电话：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="86"/>
        <source>第一位执法人员（您本人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="87"/>
        <source>承办人须填写执法证号（行政处罚法第四十二条）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="95"/>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="96"/>
        <source>执法证号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="97"/>
        <source>角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="101"/>
        <source>演示案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/first_run.py" line="103"/>
        <source>载入演示案件（覆盖各类当事人和各个办案阶段，名称均标有“演示”）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="55"/>
        <location filename="../../lcregulator/gui/main_window.py" line="278"/>
        <source>直播电商监管执法办案系统 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="58"/>
        <source>常用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="78"/>
        <source>查找：案件编号、当事人名称、统一社会信用代码/身份证号、直播账号或直播间名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="84"/>
        <source>全部阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="88"/>
        <source>全部承办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="99"/>
        <source>日期从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="101"/>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="144"/>
        <source>未选择执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="145"/>
        <source>共享数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="145"/>
        <source>本机数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="146"/>
        <source>当前执法人员：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="154"/>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="185"/>
        <source>共 %1 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="189"/>
        <source>计数中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="197"/>
        <source>没有符合条件的案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="199"/>
        <source>尚无案件。点击“新建案件”登记第一件案件，或在“工具”菜单中载入演示案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="284"/>
        <source>载入演示案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="285"/>
        <source>将在当前数据库中加入一组演示当事人和案件（名称均标有“演示”）。继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="292"/>
        <source>已载入 %1 件演示案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="298"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/main_window.py" line="300"/>
        <source>直播电商监管执法办案系统 lcregulator %1
依据《直播电商监督管理办法》</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficerSignInDialog</name>
    <message>
        <location filename="../../lcregulator/gui/sign_in.py" line="19"/>
        <source>执法机关：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/sign_in.py" line="21"/>
        <source>无执法证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/officer_sign_in.ui" line="9"/>
        <source>选择执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/officer_sign_in.ui" line="14"/>
        <source>执法机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/officer_sign_in.ui" line="21"/>
        <source>请选择正在使用本系统的执法人员。此后的每一项操作都会记录在该人员名下。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/officer_sign_in.ui" line="30"/>
        <source>执法人员(&amp;O)：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="60"/>
        <source>编辑当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="60"/>
        <source>新建当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="63"/>
        <source>（不适用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="64"/>
        <source>通过直播电商平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="65"/>
        <source>自建网站、其他网络服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="77"/>
        <source>平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="77"/>
        <source>账号ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="77"/>
        <source>直播间名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="81"/>
        <source>关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="81"/>
        <location filename="../../forms/party_dialog.ui" line="353"/>
        <source>关联当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="93"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="94"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="180"/>
        <source>只有直播营销人员、直播间运营者可以关联其他当事人，请先选择身份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="14"/>
        <source>当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="21"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="27"/>
        <source>当事人类型(&amp;K)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="40"/>
        <source>名称/姓名(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="50"/>
        <source>营业执照上的名称，或身份证上的姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="57"/>
        <source>身份：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="66"/>
        <source>直播电商平台经营者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="73"/>
        <source>直播间运营者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="80"/>
        <source>直播营销人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="87"/>
        <source>服务机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="94"/>
        <source>其他网络服务提供者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="103"/>
        <source>经营渠道：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="116"/>
        <source>主体登记：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="126"/>
        <source>已办理经营主体登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="133"/>
        <source>统一社会信用代码(&amp;U)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="143"/>
        <source>18位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="150"/>
        <source>公民身份号码(&amp;I)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="160"/>
        <source>18位；个体工商户填经营者本人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="167"/>
        <source>法定代表人/负责人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="180"/>
        <source>联系电话：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="193"/>
        <source>电子邮箱：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="207"/>
        <source>住所与经营地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="213"/>
        <source>住所地区划(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="223"/>
        <source>输入区划代码或名称，如 西湖区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="230"/>
        <source>住所地地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="240"/>
        <source>自然人填经常居所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="247"/>
        <source>户籍地区划：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="257"/>
        <source>自然人户籍地与经常居所不一致时填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="264"/>
        <source>户籍地地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="277"/>
        <source>实际经营地区划：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="287"/>
        <source>不明的留空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="294"/>
        <source>实际经营地地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="307"/>
        <source>管辖依据《直播电商监督管理办法》第四十七条，取决于住所地和实际经营地，请按证照和调查情况填写。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="318"/>
        <source>直播账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="329"/>
        <source>添加账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="336"/>
        <source>删除账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="359"/>
        <source>直播营销人员关联其出镜的直播间运营者和所属服务机构；直播间运营者关联其所在的直播电商平台。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="374"/>
        <source>添加关联…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="381"/>
        <source>删除关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/party_dialog.ui" line="401"/>
        <source>color: #b00020;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyPickerDialog</name>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="258"/>
        <source>选择当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="265"/>
        <source>输入名称、统一社会信用代码、身份证号或直播账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="272"/>
        <source>选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="273"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/party_dialog.py" line="305"/>
        <source>没有符合条件的当事人。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="35"/>
        <source>保存本机关信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="36"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="45"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="45"/>
        <source>执法证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="45"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="45"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="86"/>
        <source>在岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="86"/>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="128"/>
        <source>不能停用当前正在使用系统的执法人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/settings_dialog.py" line="161"/>
        <source>设置 — 本机关信息已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="14"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="21"/>
        <source>本机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="29"/>
        <source>机关名称(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="39"/>
        <source>如：杭州市西湖区市场监督管理局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="46"/>
        <source>机关代字(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="56"/>
        <source>用于文号，如：杭西市监</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="63"/>
        <source>行政区划(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="73"/>
        <source>输入区划代码或名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="80"/>
        <source>地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="93"/>
        <source>电话：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="108"/>
        <source>本机关管辖的地域决定《直播电商监督管理办法》第四十七条下的管辖权判断；机关代字出现在每一份文书的文号中。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="126"/>
        <source>执法人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="137"/>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="150"/>
        <source>执法证号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="163"/>
        <source>角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="176"/>
        <source>状态：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="186"/>
        <source>在岗（可登录、可承办案件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="197"/>
        <source>新增人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="204"/>
        <source>保存人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="224"/>
        <source>color: #b00020;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatuteViewer</name>
    <message>
        <location filename="../../lcregulator/gui/statute_viewer.py" line="31"/>
        <source>法规：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/statute_viewer.py" line="33"/>
        <source>搜索条文，如“黑名单”；或输入条号，如 47</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/statute_viewer.py" line="119"/>
        <source>%1 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message>
        <location filename="../../lcregulator/gui/violation_dialog.py" line="47"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../lcregulator/gui/violation_dialog.py" line="48"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="14"/>
        <source>违法行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="27"/>
        <source>违反的条款(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="37"/>
        <source>筛选条款，如“核验”“价格”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="51"/>
        <source>条文：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="63"/>
        <source>在法规中查看…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="85"/>
        <source>违法事实(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="95"/>
        <source>何时、在哪个直播间、以何种方式实施了什么行为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="102"/>
        <source>发生日期(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="115"/>
        <location filename="../../forms/violation_dialog.ui" line="137"/>
        <source>yyyy年M月d日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="122"/>
        <source>终了日期(&amp;E)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="144"/>
        <source>当日终了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="151"/>
        <source>仍在持续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/violation_dialog.ui" line="169"/>
        <source>color: #b00020;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
