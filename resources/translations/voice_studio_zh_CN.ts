<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="55"/>
        <source>less than a minute left</source>
        <translation>剩余不到 1 分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="57"/>
        <source>almost done</source>
        <translation>即将完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="60"/>
        <source>about {n} min left</source>
        <translation>约剩 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="63"/>
        <source>about {h} h {m} min left</source>
        <translation>约剩 {h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="92"/>
        <source>The download failed: {error}</source>
        <translation>下载失败：{error}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="113"/>
        <source>Download a voice model</source>
        <translation>下载语音模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="127"/>
        <source>{title} — recommended</source>
        <translation>{title}（推荐）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="131"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="137"/>
        <source>Download from</source>
        <translation>下载来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="139"/>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="140"/>
        <source>A Hugging Face mirror:</source>
        <translation>Hugging Face 镜像：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="145"/>
        <source>ModelScope (fastest in mainland China)</source>
        <translation>魔搭 ModelScope（中国大陆最快）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="160"/>
        <source>Also download the Qwen2 weights (about 1 GB; Voice Studio does not need them, the official CosyVoice code does)</source>
        <translation>同时下载 Qwen2 权重（约 1 GB；Voice Studio 用不到，官方 CosyVoice 代码需要）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="164"/>
        <source>Installs into {folder}</source>
        <translation>安装到 {folder}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="192"/>
        <location filename="../../studio/ui/download_dialog.py" line="249"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="193"/>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="194"/>
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="195"/>
        <location filename="../../studio/ui/download_dialog.py" line="233"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="242"/>
        <location filename="../../studio/ui/download_dialog.py" line="379"/>
        <source>Resume</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="244"/>
        <source>An earlier download stopped after {size}; Resume continues from there.</source>
        <translation>上次下载在 {size} 处中断；点击“继续下载”可从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="265"/>
        <source>It will run on {device} in {precision}.</source>
        <translation>将在 {device} 上以 {precision} 精度运行。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="293"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="301"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="308"/>
        <source>Overall: {done} of {total}</source>
        <translation>总进度：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="316"/>
        <source>{file} ({index} of {count}): {done} of {total}</source>
        <translation>{file}（第 {index} 个，共 {count} 个）：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="327"/>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="330"/>
        <source>Checking {file}…</source>
        <translation>正在校验 {file}…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="332"/>
        <source>Asking the hub for the file list…</source>
        <translation>正在向模型仓库获取文件列表…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="334"/>
        <source>Checking the model&apos;s structure…</source>
        <translation>正在检查模型结构…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="336"/>
        <source>Installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="345"/>
        <source>{model} is already installed in {folder}.</source>
        <translation>{model} 已安装在 {folder}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="351"/>
        <source>{model} is installed and verified (sizes, SHA-256 and structure).</source>
        <translation>{model} 已安装并通过校验（大小、SHA-256 和结构）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="357"/>
        <source>{model} is installed; every file matches the hub ({note}).</source>
        <translation>{model} 已安装；所有文件均与模型仓库一致（{note}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="372"/>
        <source>Cancelled. {size} is kept; Resume continues from there.</source>
        <translation>已取消。已保留 {size}；点击“继续下载”可从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="379"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="17"/>
        <location filename="../../studio/ui/empty_state.py" line="86"/>
        <source>No model loaded yet</source>
        <translation>尚未加载模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="24"/>
        <source>Voice Studio speaks with a CosyVoice 2 or Fun-CosyVoice 3 model folder (the official release layout: llm.pt, flow.pt, hift.pt, a .yaml file…). Download the recommended one ({0}, {1}) or open one you have; your voices and takes are already here.</source>
        <translation>Voice Studio 需要一个 CosyVoice 2 或 Fun-CosyVoice 3 模型文件夹（官方发布的目录结构：llm.pt、flow.pt、hift.pt 和一个 .yaml 文件…）。请下载推荐模型（{0}，{1}）或打开已有的模型；你的音色和版本都还在。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="43"/>
        <source>Open model folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="45"/>
        <source>Download the recommended model…</source>
        <translation>下载推荐模型…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="64"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="77"/>
        <source>The model could not be loaded</source>
        <translation>无法加载模型</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <location filename="../../studio/ui/engine_bridge.py" line="300"/>
        <source>CPU, 1 thread</source>
        <translation>CPU，1 个线程</translation>
    </message>
    <message>
        <location filename="../../studio/ui/engine_bridge.py" line="301"/>
        <source>CPU, {0} threads</source>
        <translation>CPU，{0} 个线程</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../studio/ui/views/level_meter.py" line="20"/>
        <source>Input level: bar = RMS, tick = peak (dBFS); red = clipping</source>
        <translation>输入电平：色条 = RMS，刻线 = 峰值（dBFS）；红色 = 削波</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="15"/>
        <source>Live view</source>
        <translation>实时视图</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="20"/>
        <source>The mel spectrogram and speech tokens of the next take appear here.</source>
        <translation>下一个版本的梅尔频谱和语音 token 会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="72"/>
        <source>sentence {0}{1} · {2} tokens ({3:.1f} s) · {4} mel frames ({5:.1f} s)</source>
        <translation>第 {0}{1} 句 · {2} 个 token（{3:.1f} 秒）· {4} 个梅尔帧（{5:.1f} 秒）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/main_window.py" line="77"/>
        <source>Voice Studio</source>
        <translation>Voice Studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="118"/>
        <location filename="../../studio/ui/main_window.py" line="286"/>
        <source>No model</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="182"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="183"/>
        <source>Open model folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="184"/>
        <source>Download a model…</source>
        <translation>下载模型…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="186"/>
        <source>Import reference clip…</source>
        <translation>导入参考音频…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="187"/>
        <source>Export take…</source>
        <translation>导出版本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="189"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="191"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="193"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="194"/>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="196"/>
        <source>&amp;Take</source>
        <translation>版本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="197"/>
        <source>Synthesize</source>
        <translation>合成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="199"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="200"/>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="201"/>
        <source>Record reference</source>
        <translation>录制参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="202"/>
        <source>Roll a new seed</source>
        <translation>换一个随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="204"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="205"/>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="210"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="211"/>
        <location filename="../../studio/ui/main_window.py" line="846"/>
        <source>About Voice Studio</source>
        <translation>关于 Voice Studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="237"/>
        <source>Open a CosyVoice model folder</source>
        <translation>打开 CosyVoice 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="252"/>
        <source>{0} cannot be used: {1}</source>
        <translation>无法使用 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="266"/>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="275"/>
        <source>Model: {0} ({1})</source>
        <translation>模型：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="287"/>
        <source>The model could not be loaded: {0}</source>
        <translation>无法加载模型：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="308"/>
        <source>Load a model first (File → Open model folder…).</source>
        <translation>请先加载模型（文件 → 打开模型文件夹…）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="312"/>
        <source>Choose a voice in the voice list, or save a reference clip as a voice.</source>
        <translation>请在音色列表中选择一个音色，或将参考音频保存为音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="322"/>
        <source>Type the script to speak first.</source>
        <translation>请先输入要朗读的文稿。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="327"/>
        <source>Clone mode needs the transcript of {0}&apos;s reference clip. Add it, or use Cross-lingual.</source>
        <translation>克隆模式需要“{0}”参考音频的参考文本。请补充参考文本，或改用跨语种模式。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="333"/>
        <source>Instruct mode needs an instruction: type one or pick a preset.</source>
        <translation>指令模式需要一条指令：请输入指令或选择预设。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="337"/>
        <source>Convert mode needs a source clip: import or record the speech to convert.</source>
        <translation>变声模式需要源音频：请导入或录制要转换的语音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="373"/>
        <source>Preparing {0} for this model first (once per model)…</source>
        <translation>正在先为此模型预处理 {0}（每个模型只需一次）…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="383"/>
        <source>{0} has no reference clip to prepare it from.</source>
        <translation>{0} 没有可用于预处理的参考音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="415"/>
        <source>{0} could not be prepared: {1}</source>
        <translation>无法预处理 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="443"/>
        <source>Making: {0}</source>
        <translation>正在生成：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="483"/>
        <source>Last take: first audio {0:.2f} s · RTF {1:.2f}</source>
        <translation>上一版本：首段音频 {0:.2f} 秒 · RTF {1:.2f}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="488"/>
        <source>Done in {0:.1f} s: {1}</source>
        <translation>用时 {0:.1f} 秒完成：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="494"/>
        <source>The take failed.</source>
        <translation>版本生成失败。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="495"/>
        <source>The take failed: {0}</source>
        <translation>版本生成失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="502"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="505"/>
        <source>Cancelled: {0}</source>
        <translation>已取消：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="573"/>
        <source>Sentence {0} of take {1} re-rolled.</source>
        <translation>版本 {1} 的第 {0} 句已重新生成。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="577"/>
        <source>The {0} take&apos;s audio so far was kept as take {1} (marked partial).</source>
        <translation>{0}版本中已生成的音频已保存为版本 {1}（标记为不完整）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="578"/>
        <source>cancelled</source>
        <translation>已取消的</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="578"/>
        <source>failed</source>
        <translation>失败的</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="586"/>
        <source>The take could not be stored: {0}</source>
        <translation>无法保存版本：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="611"/>
        <source>Take {0}&apos;s voice was deleted, so it cannot be re-rolled.</source>
        <translation>版本 {0} 的音色已被删除，无法重新生成。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="619"/>
        <source>Take {0} does not record its source clip; convert it again.</source>
        <translation>版本 {0} 没有记录源音频；请重新变声。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="651"/>
        <source>Take {0} has no sentence {1}.</source>
        <translation>版本 {0} 没有第 {1} 句。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="698"/>
        <source>Playback stopped: {0}</source>
        <translation>播放已停止：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="706"/>
        <source>Select a take to export.</source>
        <translation>请选择要导出的版本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="716"/>
        <source>Export take</source>
        <translation>导出版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="732"/>
        <source>Exported take {0} to {1}.</source>
        <translation>已将版本 {0} 导出到 {1}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="739"/>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="752"/>
        <source>Restored {0}.</source>
        <translation>已恢复 {0}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/main_window.py" line="793"/>
        <source>Recovered %n recording(s) interrupted last time; the latest is in the reference panel.</source>
        <translation>
            <numerusform>已恢复上次中断的 %n 段录音；最新的一段已载入参考音频面板。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/main_window.py" line="803"/>
        <source>%n take(s) queued</source>
        <translation>
            <numerusform>队列中有 %n 个版本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="819"/>
        <source>The language changes the next time Voice Studio starts.</source>
        <translation>界面语言将在下次启动 Voice Studio 时生效。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="848"/>
        <source>&lt;b&gt;Voice Studio {0}&lt;/b&gt;&lt;br&gt;Voice cloning with CosyVoice 2 and Fun-CosyVoice 3.&lt;br&gt;Library: {1}&lt;br&gt;Settings: {2}</source>
        <translation>&lt;b&gt;Voice Studio {0}&lt;/b&gt;&lt;br&gt;基于 CosyVoice 2 和 Fun-CosyVoice 3 的音色克隆。&lt;br&gt;资料库：{1}&lt;br&gt;设置：{2}</translation>
    </message>
</context>
<context>
    <name>MelView</name>
    <message>
        <location filename="../../studio/ui/views/mel_view.py" line="85"/>
        <source>mel bin</source>
        <translation>梅尔频带</translation>
    </message>
    <message>
        <location filename="../../studio/ui/views/mel_view.py" line="86"/>
        <source>time (s)</source>
        <translation>时间（秒）</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../studio/ui/message_bar.py" line="30"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QualityView</name>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="22"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="22"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="22"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="36"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="36"/>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="36"/>
        <source>fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="40"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="41"/>
        <source>Sample rate</source>
        <translation>采样率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="42"/>
        <source>Clipping</source>
        <translation>削波</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="43"/>
        <source>Silence</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="44"/>
        <source>Noise (SNR estimate)</source>
        <translation>噪声（信噪比）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="45"/>
        <source>Level</source>
        <translation>电平</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="50"/>
        <source>{0:.1f} s (3-30 s is best)</source>
        <translation>{0:.1f} 秒（宜 3–30 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="52"/>
        <source>{0:g} kHz (16 kHz or more)</source>
        <translation>{0:g} kHz（至少 16 kHz）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="54"/>
        <source>{0:.3f} % of samples at full scale</source>
        <translation>{0:.3f}% 采样满幅</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="56"/>
        <source>{0:.0f} % of the clip is silence</source>
        <translation>{0:.0f}% 为静音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="58"/>
        <source>{0:.0f} dB</source>
        <translation>{0:.0f} dB</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="60"/>
        <source>{0:.1f} dBFS speech RMS</source>
        <translation>语音 RMS {0:.1f} dBFS</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="72"/>
        <source>Use 3 to 30 seconds of speech: trim the clip or record again.</source>
        <translation>请使用 3 到 30 秒的语音：裁剪音频或重新录制。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="74"/>
        <source>The clip is too short; the engine needs at least half a second.</source>
        <translation>音频太短；引擎至少需要 0.5 秒。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="75"/>
        <source>The clip&apos;s sample rate is below 16 kHz; use a better recording.</source>
        <translation>音频采样率低于 16 kHz；请换用质量更好的录音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="77"/>
        <source>Much of the clip is silence; drag the trim handles around the speech.</source>
        <translation>音频中静音过多；请拖动裁剪手柄框住语音部分。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="79"/>
        <source>The clip is clipped (too loud); record again further from the mic.</source>
        <translation>音频出现削波（音量过大）；请离麦克风远一些重新录制。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="81"/>
        <source>The clip is noisy; the clone will copy the noise. Record somewhere quieter.</source>
        <translation>音频噪声较大，克隆会连同噪声一起复制。请在更安静的地方录制。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="83"/>
        <source>The level is off; speak closer to the mic (or further, if too hot).</source>
        <translation>电平不合适；请靠近麦克风说话（如果过响则离远一些）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="85"/>
        <source>The clip looks clean.</source>
        <translation>音频质量良好。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="91"/>
        <source>Record or import a clip to see its quality report.</source>
        <translation>录制或导入音频后即可查看质量报告。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="108"/>
        <source>Overall: {0}. {1}</source>
        <translation>总体：{0}。{1}</translation>
    </message>
</context>
<context>
    <name>RecordingController</name>
    <message>
        <location filename="../../studio/ui/recording.py" line="95"/>
        <source>Recording could not start ({0}).</source>
        <translation>无法开始录音（{0}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recording.py" line="109"/>
        <source>The input device was lost.</source>
        <translation>输入设备已断开。</translation>
    </message>
</context>
<context>
    <name>ReferencePanel</name>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="65"/>
        <source>Reference clip</source>
        <translation>参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="80"/>
        <location filename="../../studio/ui/reference_panel.py" line="236"/>
        <source>Record</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="81"/>
        <source>Record from the input device chosen in Settings (Ctrl+R)</source>
        <translation>从设置中选择的输入设备录音（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="83"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="84"/>
        <source>Open a sound file, or drop one on this panel</source>
        <translation>打开音频文件，或将文件拖放到此面板</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="94"/>
        <source>Script to read aloud</source>
        <translation>朗读稿</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="100"/>
        <source>Optional: a text to read while recording. It becomes the transcript.</source>
        <translation>可选：录音时要朗读的文字，录完后将作为参考文本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="108"/>
        <location filename="../../studio/ui/reference_panel.py" line="181"/>
        <source>No clip yet: record one, import a file, or drop it here.</source>
        <translation>还没有音频：请录音、导入文件，或将文件拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="110"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="112"/>
        <source>Reset trim</source>
        <translation>重置裁剪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="122"/>
        <source>Transcript: exactly what is said in the clip (needed for Clone mode)</source>
        <translation>参考文本：音频中说话的准确内容（克隆模式需要）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="124"/>
        <source>Save as voice…</source>
        <translation>保存为音色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="137"/>
        <source>Transcript</source>
        <translation>参考文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="154"/>
        <source>Import a reference clip</source>
        <translation>导入参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="162"/>
        <source>The file could not be imported: {0}</source>
        <translation>无法导入文件：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="165"/>
        <source>Imported {0} ({1:.1f} s).</source>
        <translation>已导入 {0}（{1:.1f} 秒）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="171"/>
        <source>Recording {0}</source>
        <translation>录音 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="221"/>
        <source>{0} · {1:.1f} s at {2:g} kHz · using {3:.1f}-{4:.1f} s</source>
        <translation>{0} · {1:.1f} 秒，{2:g} kHz · 使用 {3:.1f}–{4:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="237"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="238"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="239"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="244"/>
        <source>Recording… speak now</source>
        <translation>正在录音…请开始说话</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="251"/>
        <source>Recording starts in {0}…</source>
        <translation>{0} 秒后开始录音…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="259"/>
        <source>Recorded {0:.1f} s; the recording is kept in the library.</source>
        <translation>已录制 {0:.1f} 秒；录音已保存在资料库中。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="263"/>
        <source>Recording failed: {0}</source>
        <translation>录音失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="272"/>
        <source>Recording… {0:.1f} s</source>
        <translation>正在录音… {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="305"/>
        <location filename="../../studio/ui/reference_panel.py" line="319"/>
        <source>Load a model first: the voice is prepared with it.</source>
        <translation>请先加载模型：音色需要用模型预处理。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="307"/>
        <source>The clip fails a check the engine needs; see the report.</source>
        <translation>音频未通过引擎必需的检查；请查看质量报告。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="309"/>
        <source>Prepare this clip as a voice and add it to the voice list</source>
        <translation>将此音频预处理为音色并添加到音色列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="323"/>
        <source>This clip cannot be used as a voice: {0}</source>
        <translation>此音频无法用作音色：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="336"/>
        <source>There is already a voice called {0}; choose another name.</source>
        <translation>已存在名为 {0} 的音色；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="347"/>
        <source>Preparing the voice…</source>
        <translation>正在预处理音色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="364"/>
        <source>Saved the voice {0}.</source>
        <translation>已保存音色 {0}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="376"/>
        <source>The voice could not be saved: {0}</source>
        <translation>无法保存音色：{0}</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="79"/>
        <source>Script and mode</source>
        <translation>文稿与模式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="89"/>
        <source>Clone the voice; needs the reference transcript</source>
        <translation>克隆音色；需要参考文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="90"/>
        <source>Clone the voice into any language; no transcript needed</source>
        <translation>将音色克隆到任意语种；无需参考文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="91"/>
        <source>Clone the voice and follow an instruction: emotion, speed, dialect…</source>
        <translation>克隆音色并按指令控制：情感、语速、方言…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="92"/>
        <source>Speech to speech: say a recorded or imported clip in the voice</source>
        <translation>语音转换：用此音色说出录制或导入的音频内容</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="113"/>
        <source>Instruction, e.g. 用开心的语气说这句话, or pick a preset</source>
        <translation>指令，例如：用开心的语气说这句话；或选择预设</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="117"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="123"/>
        <location filename="../../studio/ui/script_panel.py" line="352"/>
        <source>No source clip: import or record the speech to convert.</source>
        <translation>没有源音频：请导入或录制要转换的语音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="124"/>
        <source>Import source…</source>
        <translation>导入源音频…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="127"/>
        <location filename="../../studio/ui/script_panel.py" line="359"/>
        <source>Record source</source>
        <translation>录制源音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="131"/>
        <source>Recording failed: {0}</source>
        <translation>录音失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="159"/>
        <source>Type or paste the script. Long scripts are split into sentences; each can be re-rolled.</source>
        <translation>输入或粘贴文稿。长文稿会按句切分，每一句都可以单独重新生成。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="172"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="174"/>
        <source>The same seed, text and voice give the same take; &apos;random&apos; picks one</source>
        <translation>随机种子、文本和音色都相同时会生成相同的版本；选“随机”则自动选取种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="178"/>
        <source>Roll</source>
        <translation>掷骰</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="180"/>
        <source>Roll a new seed</source>
        <translation>换一个随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="182"/>
        <source>Streaming</source>
        <translation>流式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="184"/>
        <source>Play while the take is generated (speed needs streaming off)</source>
        <translation>边生成边播放（调节语速需关闭流式）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="186"/>
        <source>Synthesize</source>
        <translation>合成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="188"/>
        <source>Make a take (Ctrl+Enter); while one runs, this queues the next</source>
        <translation>生成一个版本（Ctrl+Enter）；正在生成时，再次点击会将下一个加入队列</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="192"/>
        <location filename="../../studio/ui/script_panel.py" line="360"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="193"/>
        <source>Stop the running take (Esc)</source>
        <translation>停止正在生成的版本（Esc）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="197"/>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="199"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="224"/>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="225"/>
        <source>Cross-lingual</source>
        <translation>跨语种</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="226"/>
        <source>Instruct</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="227"/>
        <source>Convert</source>
        <translation>变声</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="255"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/script_panel.py" line="311"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="326"/>
        <source>Speed changes need streaming off</source>
        <translation>调节语速需关闭流式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="328"/>
        <source>Speaking speed (0.5× to 2×)</source>
        <translation>语速（0.5× 到 2×）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="336"/>
        <source>Import the speech to convert</source>
        <translation>导入要转换的语音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="344"/>
        <source>The file could not be imported: {0}</source>
        <translation>无法导入文件：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="354"/>
        <source>Source: {0} ({1:.1f} s)</source>
        <translation>源音频：{0}（{1:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="361"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="362"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="371"/>
        <source>Recording {0}</source>
        <translation>录音 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="378"/>
        <source>Recording… {0:.1f} s</source>
        <translation>正在录音… {0:.1f} 秒</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="60"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="66"/>
        <location filename="../../studio/ui/settings_dialog.py" line="140"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="70"/>
        <source>Automatic (CUDA if available, else CPU)</source>
        <translation>自动（有 CUDA 时用 CUDA，否则用 CPU）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="71"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="77"/>
        <source>fp32 (exact)</source>
        <translation>fp32（精确）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="78"/>
        <source>fp16 (half the memory)</source>
        <translation>fp16（显存减半）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="79"/>
        <source>bf16 (Ampere or newer)</source>
        <translation>bf16（Ampere 或更新架构）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="83"/>
        <source>Applies on CUDA only: the CPU always computes in fp32.</source>
        <translation>仅对 CUDA 生效：CPU 始终以 fp32 计算。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="85"/>
        <source>Exact (the official numerics)</source>
        <translation>精确（官方数值）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="86"/>
        <source>Fast (int8 LM on CPUs, fewer flow steps)</source>
        <translation>快速（CPU 上 int8 语言模型，更少的流匹配步数）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="90"/>
        <source>Fast is quicker and approximates the model (see the README for measured figures): judge its quality by ear. Every take records which preset made it.</source>
        <translation>快速预设更快，但只是近似模型（实测数据见 README）：请用耳朵判断音质。每条录音都会记录生成它的预设。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="97"/>
        <source> flow steps</source>
        <translation> 步流匹配</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="113"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="119"/>
        <source>{0} (not connected)</source>
        <translation>{0}（未连接）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="125"/>
        <source>No input device found.</source>
        <translation>未找到输入设备。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="127"/>
        <source>No output device found.</source>
        <translation>未找到输出设备。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="133"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="135"/>
        <source>Play streaming takes while they are made</source>
        <translation>流式生成时边生成边播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="145"/>
        <source>WAV, 24-bit</source>
        <translation>WAV，24 位</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="146"/>
        <source>WAV, 16-bit</source>
        <translation>WAV，16 位</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="147"/>
        <source>FLAC</source>
        <translation>FLAC</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="151"/>
        <source>Write a .json file with the take&apos;s provenance next to the audio</source>
        <translation>在音频旁另存一个记录版本来源信息的 .json 文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="156"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="157"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="160"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="166"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="167"/>
        <source>Device</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="168"/>
        <source>Precision on CUDA</source>
        <translation>CUDA 精度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="169"/>
        <source>Speed preset</source>
        <translation>速度预设</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="170"/>
        <source>Input device</source>
        <translation>输入设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="171"/>
        <source>Output device</source>
        <translation>输出设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="173"/>
        <source>Recording countdown</source>
        <translation>录音倒计时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="175"/>
        <location filename="../../studio/ui/settings_dialog.py" line="226"/>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="176"/>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="178"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="179"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="220"/>
        <source>Open a CosyVoice model folder</source>
        <translation>打开 CosyVoice 模型文件夹</translation>
    </message>
</context>
<context>
    <name>TakesPanel</name>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="42"/>
        <source>Takes</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="45"/>
        <source>Search takes by text</source>
        <translation>按文本搜索版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="48"/>
        <source>★ only</source>
        <translation>仅 ★</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="71"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="72"/>
        <source>Play or pause the selected take (Space)</source>
        <translation>播放或暂停所选版本（空格键）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="74"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="76"/>
        <source>Re-roll</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="77"/>
        <source>Make the take again with a new seed (a new take)</source>
        <translation>用新的随机种子重新生成（另存为新版本）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="79"/>
        <source>★ Favourite</source>
        <translation>★ 收藏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="82"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="83"/>
        <source>Export the selected take as WAV or FLAC (Ctrl+E)</source>
        <translation>将所选版本导出为 WAV 或 FLAC（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="85"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="86"/>
        <source>Delete the take (Ctrl+Z undoes it)</source>
        <translation>删除版本（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="102"/>
        <source>Re-roll sentence</source>
        <translation>重新生成此句</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="104"/>
        <source>Generate only this sentence again with a new seed; the take is rebuilt with cross-fades</source>
        <translation>仅用新的随机种子重新生成这一句；整个版本会用交叉淡化重新拼接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="111"/>
        <source>Remove from queue</source>
        <translation>从队列中移除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="126"/>
        <source>Sentences of the selected take</source>
        <translation>所选版本的句子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="129"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="152"/>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="153"/>
        <source>Cross-lingual</source>
        <translation>跨语种</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="154"/>
        <source>Instruct</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="155"/>
        <source>Convert</source>
        <translation>变声</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="182"/>
        <source>{0:.1f} s</source>
        <translation>{0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="226"/>
        <source>(converted speech)</source>
        <translation>（转换后的语音）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="229"/>
        <source>seed {0}</source>
        <translation>随机种子 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="236"/>
        <source>Take {0} · {1} · {2}</source>
        <translation>版本 {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="239"/>
        <source>seed {0} · speed {1:g}× · {2:.1f} s</source>
        <translation>随机种子 {0} · 语速 {1:g}× · {2:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="240"/>
        <source>model {0} ({1}) · engine {2}</source>
        <translation>模型 {0}（{1}）· 引擎 {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="245"/>
        <source>instruction: {0}</source>
        <translation>指令：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="248"/>
        <source>first audio {0:.2f} s · RTF {1:.2f} · {2}</source>
        <translation>首段音频 {0:.2f} 秒 · RTF {1:.2f} · {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="251"/>
        <source>streamed</source>
        <translation>流式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="251"/>
        <source>not streamed</source>
        <translation>非流式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="255"/>
        <source>voice consent recorded</source>
        <translation>已记录音色授权同意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="257"/>
        <source>NO CONSENT RECORDED</source>
        <translation>未记录授权同意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="303"/>
        <source>Deleted take {0}. Press Ctrl+Z to undo.</source>
        <translation>已删除版本 {0}。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="324"/>
        <source>running</source>
        <translation>生成中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="324"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="340"/>
        <source>Removed from the queue: {0}</source>
        <translation>已从队列中移除：{0}</translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <location filename="../../studio/ui/views/token_view.py" line="90"/>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <location filename="../../studio/ui/views/token_view.py" line="91"/>
        <source>time (s), 25 tokens/s</source>
        <translation>时间（秒），每秒 25 个 token</translation>
    </message>
</context>
<context>
    <name>VoiceDialog</name>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="39"/>
        <source>Save as voice</source>
        <translation>保存为音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="41"/>
        <source>How the voice is listed</source>
        <translation>音色在列表中显示的名称</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="43"/>
        <source>Who is speaking (optional)</source>
        <translation>说话人（可选）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="55"/>
        <source>comma-separated, e.g. narration, warm</source>
        <translation>用英文逗号分隔，例如：旁白, 温暖</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="57"/>
        <source>Consent of the speaker</source>
        <translation>说话人的授权同意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="64"/>
        <source>e.g. narration of my own videos</source>
        <translation>例如：为我自己的视频配旁白</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="67"/>
        <source>Given by</source>
        <translation>授权人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="68"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="69"/>
        <source>For what use</source>
        <translation>授权用途</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="70"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="72"/>
        <source>Without consent the voice is marked NO CONSENT RECORDED in lists and exports.</source>
        <translation>未记录授权同意的音色会在列表和导出文件中标记为 NO CONSENT RECORDED（未记录授权同意）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="76"/>
        <source>This is my own voice</source>
        <translation>这是我本人的声音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="80"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="81"/>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="82"/>
        <source>Language</source>
        <translation>语种</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="83"/>
        <source>Dialect or region</source>
        <translation>方言或地区</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="84"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="106"/>
        <source>myself</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="108"/>
        <source>my own projects</source>
        <translation>我自己的项目</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="138"/>
        <source>Give the voice a name.</source>
        <translation>请为音色命名。</translation>
    </message>
</context>
<context>
    <name>VoiceList</name>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="30"/>
        <source>Voices</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="34"/>
        <source>Search voices</source>
        <translation>搜索音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="40"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="41"/>
        <source>Play the voice&apos;s reference clip</source>
        <translation>播放该音色的参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="43"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="45"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="46"/>
        <source>Delete the voice (Ctrl+Z undoes it)</source>
        <translation>删除音色（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="97"/>
        <source>Speaker: {0}</source>
        <translation>说话人：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="100"/>
        <source>Language: {0} · dialect: {1}</source>
        <translation>语种：{0} · 方言：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="105"/>
        <source>Consent: {0}</source>
        <translation>授权同意：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="106"/>
        <source>NO CONSENT RECORDED</source>
        <translation>未记录授权同意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="117"/>
        <source>Reference: {0:.1f} s of {1:.1f} s, {2:g} kHz, {3}</source>
        <translation>参考音频：使用 {0:.1f} 秒（共 {1:.1f} 秒），{2:g} kHz，{3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="124"/>
        <source>Transcript: {0}</source>
        <translation>参考文本：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="124"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="127"/>
        <source>Quality: {0}</source>
        <translation>质量：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="131"/>
        <source>Prepared prompt for {0}: {1} KB, {2}</source>
        <translation>已为 {0} 预处理的提示特征：{1} KB，{2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="136"/>
        <source>No prepared prompt yet (made on first use).</source>
        <translation>尚无预处理的提示特征（首次使用时生成）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="138"/>
        <source>Tags: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="177"/>
        <source>This voice has no reference clip to play.</source>
        <translation>此音色没有可播放的参考音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="193"/>
        <source>Rename voice</source>
        <translation>重命名音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="193"/>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="201"/>
        <source>The voice could not be renamed: {0}</source>
        <translation>无法重命名音色：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="220"/>
        <source>The voice {0} still has {1} takes; delete or export them first.</source>
        <translation>音色 {0} 仍有 {1} 个版本；请先删除或导出这些版本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="226"/>
        <source>Deleted the voice {0}. Press Ctrl+Z to undo.</source>
        <translation>已删除音色 {0}。按 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../studio/ui/views/waveform_view.py" line="43"/>
        <source>time (s)</source>
        <translation>时间（秒）</translation>
    </message>
</context>
</TS>
