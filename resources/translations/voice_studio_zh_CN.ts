<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BlockInspector</name>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="46"/>
        <location filename="../../studio/ui/project/inspector.py" line="135"/>
        <source>Select a block to see its takes and settings.</source>
        <translation>选择一个段落，查看它的录音版本和设置。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="49"/>
        <source>Every take rendered for this block; choose one to use it in the mix.</source>
        <translation>此段落渲染过的所有版本；选择一个用于混音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="55"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="57"/>
        <location filename="../../studio/ui/project/inspector.py" line="150"/>
        <source>Silence after this block (changes only the mix; nothing is rendered).</source>
        <translation>此段落之后的静音（只改变混音，不重新渲染）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="66"/>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="67"/>
        <source>Cross-lingual</source>
        <translation>跨语种</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="68"/>
        <source>Instruct</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="73"/>
        <source>How to say it, e.g. Speak slowly and warmly</source>
        <translation>怎么说，例如：语速放慢，语气温暖</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="76"/>
        <source>The sampling seed: the same seed gives the same take.</source>
        <translation>采样种子：相同的种子得到相同的版本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="79"/>
        <source>Take</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="80"/>
        <source>Pause after</source>
        <translation>之后停顿</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="81"/>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="82"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="83"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="84"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="86"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="87"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="140"/>
        <source>Block {0}</source>
        <translation>段落 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="142"/>
        <source>Block {0} (cue {1})</source>
        <translation>段落 {0}（字幕 {1}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="148"/>
        <source>A subtitle cue starts at its cue time; the subtitle file decides the pauses.</source>
        <translation>字幕条目从其字幕时间开始；停顿由字幕文件决定。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="163"/>
        <source>No takes yet: render the block.</source>
        <translation>还没有版本：请先渲染此段落。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="169"/>
        <source>#{0} · seed {1} · {2:.2f} s · {3}</source>
        <translation>#{0} · 种子 {1} · {2:.2f} 秒 · {3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/inspector.py" line="182"/>
        <source>Rendered from another text, voice, mode, instruction or model.</source>
        <translation>由其他文本、音色、模式、指令或模型渲染。</translation>
    </message>
</context>
<context>
    <name>BlockTableModel</name>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="38"/>
        <source>rendered</source>
        <translation>已渲染</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="39"/>
        <source>not rendered</source>
        <translation>未渲染</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="40"/>
        <source>stale</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="44"/>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="45"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="46"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="47"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="48"/>
        <source>Take</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="119"/>
        <source>no voice</source>
        <translation>无音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="121"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="130"/>
        <source>Spoken by {0}, the voice chosen for this block.</source>
        <translation>由 {0} 朗读：为此段单独选择的音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="133"/>
        <source>Spoken by {0}, the voice of the speaker {1}.</source>
        <translation>由 {0} 朗读：说话人 {1} 的音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="136"/>
        <source>Spoken by {0}, the voice chosen for lines with no speaker.</source>
        <translation>由 {0} 朗读：为无说话人的台词选择的音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="139"/>
        <source>#{0}</source>
        <translation>#{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/project/table_model.py" line="141"/>
        <source>Take #{0}, one of this block&apos;s %n take(s); choose another in the block inspector.</source>
        <translation>
            <numerusform>版本 #{0}，此段共 %n 个版本；可在段落检查器中选择其他版本。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/table_model.py" line="147"/>
        <source>{0:.2f} s</source>
        <translation>{0:.2f} 秒</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="63"/>
        <source>less than a minute left</source>
        <translation>剩余不到 1 分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="65"/>
        <source>almost done</source>
        <translation>即将完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="68"/>
        <source>about {n} min left</source>
        <translation>约剩 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="71"/>
        <source>about {h} h {m} min left</source>
        <translation>约剩 {h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="100"/>
        <source>The download failed: {error}</source>
        <translation>下载失败：{error}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="270"/>
        <source>{title} — recommended</source>
        <translation>{title}（推荐）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="162"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="144"/>
        <source>Download a model</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="168"/>
        <source>Download from</source>
        <translation>下载来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="170"/>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="171"/>
        <source>A Hugging Face mirror:</source>
        <translation>Hugging Face 镜像：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="176"/>
        <source>ModelScope (fastest in mainland China)</source>
        <translation>魔搭 ModelScope（中国大陆最快）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="191"/>
        <source>Also download the Qwen2 weights (about 1 GB; Voice Studio does not need them, the official CosyVoice code does)</source>
        <translation>同时下载 Qwen2 权重（约 1 GB；Voice Studio 用不到，官方 CosyVoice 代码需要）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="195"/>
        <source>Installs into {folder}</source>
        <translation>安装到 {folder}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="223"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="224"/>
        <source>Check the installed model&apos;s files and structure again</source>
        <translation>重新检查已安装模型的文件和结构</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="225"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="226"/>
        <source>Delete the installed model from the models folder</source>
        <translation>从模型文件夹中删除已安装的模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="230"/>
        <location filename="../../studio/ui/download_dialog.py" line="332"/>
        <location filename="../../studio/ui/download_dialog.py" line="346"/>
        <location filename="../../studio/ui/download_dialog.py" line="558"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="231"/>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="232"/>
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="233"/>
        <location filename="../../studio/ui/download_dialog.py" line="322"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="258"/>
        <source>Voice models</source>
        <translation>语音模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="259"/>
        <source>Speech recognizers (for transcripts and ingest)</source>
        <translation>语音识别器（用于识别参考文本和导入长录音）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="272"/>
        <source>{title} — installed</source>
        <translation>{title} — 已安装</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="310"/>
        <source>{model} is not on ModelScope</source>
        <translation>{model} 不在 ModelScope 上</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="334"/>
        <source>{model} is installed in {folder}.</source>
        <translation>{model} 已安装在 {folder}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="339"/>
        <location filename="../../studio/ui/download_dialog.py" line="491"/>
        <source>Resume</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="341"/>
        <source>An earlier download stopped after {size}; Resume continues from there.</source>
        <translation>上次下载在 {size} 处中断；点击“继续下载”可从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="353"/>
        <source>It runs on the same device as the loaded voice model.</source>
        <translation>它与已加载的语音模型运行在同一设备上。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="354"/>
        <source>It runs on the CPU.</source>
        <translation>它在 CPU 上运行。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="368"/>
        <source>It will run on {device} in {precision}.</source>
        <translation>将在 {device} 上以 {precision} 精度运行。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="396"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="404"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="411"/>
        <source>Overall: {done} of {total}</source>
        <translation>总进度：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="419"/>
        <source>{file} ({index} of {count}): {done} of {total}</source>
        <translation>{file}（第 {index} 个，共 {count} 个）：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="430"/>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="433"/>
        <source>Checking {file}…</source>
        <translation>正在校验 {file}…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="435"/>
        <source>Asking the hub for the file list…</source>
        <translation>正在向模型仓库获取文件列表…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="437"/>
        <source>Checking the model&apos;s structure…</source>
        <translation>正在检查模型结构…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="439"/>
        <source>Installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="450"/>
        <source>{model} is already installed in {folder}.</source>
        <translation>{model} 已安装在 {folder}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="456"/>
        <source>{model} is installed and verified (sizes, SHA-256 and structure).</source>
        <translation>{model} 已安装并通过校验（大小、SHA-256 和结构）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="462"/>
        <source>{model} is installed; every file matches the hub ({note}).</source>
        <translation>{model} 已安装；所有文件均与模型仓库一致（{note}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="470"/>
        <source>The Transcribe button and Ingest recordings use it.</source>
        <translation>“识别文本”按钮和“导入长录音”会使用它。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="484"/>
        <source>Cancelled. {size} is kept; Resume continues from there.</source>
        <translation>已取消。已保留 {size}；点击“继续下载”可从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="491"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="508"/>
        <source>Checking {model}…</source>
        <translation>正在检查 {model}…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="520"/>
        <source>{folder}: all {n} checks passed.</source>
        <translation>{folder}：全部 {n} 项检查通过。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="525"/>
        <source>The check failed: {problem}</source>
        <translation>检查未通过：{problem}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="540"/>
        <source>Remove {model}?</source>
        <translation>删除 {model}？</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="541"/>
        <source>Delete {folder}? Downloading it again takes time.</source>
        <translation>删除 {folder}？重新下载需要时间。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="549"/>
        <source>{model} could not be removed: {error}</source>
        <translation>无法删除 {model}：{error}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="553"/>
        <source>Removed {model}.</source>
        <translation>已删除 {model}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="553"/>
        <source>Nothing to remove.</source>
        <translation>没有可删除的内容。</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="17"/>
        <location filename="../../studio/ui/empty_state.py" line="98"/>
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
        <location filename="../../studio/ui/empty_state.py" line="76"/>
        <source>text tokenizer</source>
        <translation>文本分词器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="77"/>
        <source>speech tokenizer and speaker encoder</source>
        <translation>语音分词器和说话人编码器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="78"/>
        <source>language model</source>
        <translation>语言模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="79"/>
        <source>flow-matching model</source>
        <translation>流匹配模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="80"/>
        <source>vocoder</source>
        <translation>声码器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="81"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="86"/>
        <source>Loading: {0}</source>
        <translation>正在加载：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="89"/>
        <source>The model could not be loaded</source>
        <translation>无法加载模型</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <location filename="../../studio/ui/engine_bridge.py" line="312"/>
        <source>CPU, 1 thread</source>
        <translation>CPU，1 个线程</translation>
    </message>
    <message>
        <location filename="../../studio/ui/engine_bridge.py" line="313"/>
        <source>CPU, {0} threads</source>
        <translation>CPU，{0} 个线程</translation>
    </message>
</context>
<context>
    <name>EngineErrors</name>
    <message>
        <location filename="../../studio/ui/error_text.py" line="24"/>
        <source>audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="25"/>
        <source>reference audio</source>
        <translation>参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="26"/>
        <source>source audio</source>
        <translation>源音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="27"/>
        <source>prompt audio</source>
        <translation>提示音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="37"/>
        <source>The text to speak is empty.</source>
        <translation>要朗读的文本为空。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="42"/>
        <source>The text normalizes to nothing speakable (only punctuation or symbols?).</source>
        <translation>文本规范化后没有可朗读的内容（只有标点或符号？）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="49"/>
        <source>The segments have nothing speakable (only punctuation or symbols?).</source>
        <translation>这些片段没有可朗读的内容（只有标点或符号？）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="56"/>
        <source>The text is {0} characters; split it into parts of at most {1}.</source>
        <translation>文本有 {0} 个字符；请拆分为每段最多 {1} 个字符。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="63"/>
        <source>{0} is a pronunciation unit; pronunciation control needs a Fun-CosyVoice3 model.</source>
        <translation>{0} 是发音单元；发音控制需要 Fun-CosyVoice3 模型。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="70"/>
        <source>{0} is not a known tag or pronunciation unit. Tags: [breath], [laughter], [noise], [cough], [sigh], ...; CMU phones look like [AA1] [K] [T]; pinyin units like [j][ǐ] [h][ǎo].</source>
        <translation>{0} 不是已知的标签或发音单元。标签：[breath]、[laughter]、[noise]、[cough]、[sigh] 等；CMU 音素形如 [AA1] [K] [T]；拼音单元形如 [j][ǐ] [h][ǎo]。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="80"/>
        <source>Zero-shot cloning needs the transcript of the reference clip; add it, or use cross-lingual mode.</source>
        <translation>零样本克隆需要参考片段的参考文本；请添加参考文本，或改用跨语言模式。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="88"/>
        <source>Speed {0} is out of range; use 0.25 to 4.</source>
        <translation>语速 {0} 超出范围；请使用 0.25 到 4。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="93"/>
        <source>Speed changes need non-streaming synthesis (turn streaming off).</source>
        <translation>调整语速需要非流式合成（请关闭流式）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="101"/>
        <source>This voice was prepared for {0}, but the loaded model is {1}; prepare the voice again with this model.</source>
        <translation>此音色是为 {0} 准备的，但已加载的模型是 {1}；请用此模型重新准备该音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="110"/>
        <source>Instruct mode needs an instruction (for example: {0}).</source>
        <translation>指令模式需要一条指令（例如：{0}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="117"/>
        <source>The instruction is {0} tokens long; keep it under {1} (a sentence or two).</source>
        <translation>指令长 {0} 个词元；请保持在 {1} 以内（一两句话）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="125"/>
        <source>The GPU ran out of memory. Try a shorter text, fp16 precision, or the CPU.</source>
        <translation>GPU 内存不足。请尝试更短的文本、fp16 精度或使用 CPU。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="132"/>
        <source>Synthesis failed: {0}</source>
        <translation>合成失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="139"/>
        <source>The {0} file {1} cannot be read as audio ({2}); it may be corrupt or in a format soundfile does not support.</source>
        <translation>{0}文件 {1} 无法作为音频读取（{2}）；它可能已损坏，或是 soundfile 不支持的格式。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="148"/>
        <source>The {0} file {1} is damaged ({2}).</source>
        <translation>{0}文件 {1} 已损坏（{2}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="153"/>
        <source>The {0} file {1} contains no audio.</source>
        <translation>{0}文件 {1} 不含音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="159"/>
        <source>The {0} is {1} s long; it must be at least {2} s (3 to 10 s of clear speech works best).</source>
        <translation>{0}长 {1} 秒；至少需要 {2} 秒（3 到 10 秒的清晰语音效果最好）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="168"/>
        <source>The {0} is {1} s long; it must be at most {2} s. Trim it to the best 3 to 10 seconds.</source>
        <translation>{0}长 {1} 秒；最多 {2} 秒。请裁剪出最好的 3 到 10 秒。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="177"/>
        <source>The {0} is silent (peak below -60 dBFS); record or import speech.</source>
        <translation>{0}是静音（峰值低于 -60 dBFS）；请录制或导入语音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="186"/>
        <source>{0} is not an audio file Voice Studio can read: it is damaged, or not in a sound format Voice Studio knows ({1}).</source>
        <translation>{0} 不是 Voice Studio 能读取的音频文件：文件已损坏，或不是 Voice Studio 支持的声音格式（{1}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="195"/>
        <source>{0} is not an audio file Voice Studio can read ({1}).</source>
        <translation>{0} 不是 Voice Studio 能读取的音频文件（{1}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="203"/>
        <source>{0} is {1} minutes long; files of up to {2} minutes can be opened. Cut a shorter piece first (a voice then uses 3 to 30 s of it, chosen by trimming).</source>
        <translation>{0} 长 {1} 分钟；最多可打开 {2} 分钟的文件。请先剪出较短的一段（音色随后通过裁剪从中选用 3 到 30 秒）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="212"/>
        <source>{0} contains no audio.</source>
        <translation>{0} 不含音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="217"/>
        <source>{0} contains invalid (NaN or infinite) samples.</source>
        <translation>{0} 含有无效（NaN 或无穷大）采样。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="222"/>
        <source>The file {0} does not exist.</source>
        <translation>文件 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="228"/>
        <source>The audio file {0} is missing; run a library check.</source>
        <translation>音频文件 {0} 缺失；请运行资料库检查。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="235"/>
        <source>The audio file {0} cannot be read ({1}).</source>
        <translation>无法读取音频文件 {0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="240"/>
        <source>There is no voice with id {0} in this library.</source>
        <translation>此资料库中没有编号为 {0} 的音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="245"/>
        <source>There is no take with id {0} in this library.</source>
        <translation>此资料库中没有编号为 {0} 的版本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="250"/>
        <source>There is no clip with id {0} in this library.</source>
        <translation>此资料库中没有编号为 {0} 的片段。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="255"/>
        <source>Could not write {0} ({1}).</source>
        <translation>无法写入 {0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="260"/>
        <source>Could not create the folder {0} ({1}).</source>
        <translation>无法创建文件夹 {0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="269"/>
        <source>block {0}</source>
        <translation>第 {0} 段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="271"/>
        <source>cue {0}</source>
        <translation>第 {0} 条字幕</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="272"/>
        <source>a block</source>
        <translation>某一段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="280"/>
        <source>{0} could not be rendered: </source>
        <translation>{0}无法渲染：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="286"/>
        <source>{0} is not a CosyVoice model folder: it has none of {1}.</source>
        <translation>{0} 不是 CosyVoice 模型文件夹：其中没有 {1} 中的任何一个。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="293"/>
        <source>The model folder {0} does not exist.</source>
        <translation>模型文件夹 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="298"/>
        <source>The model folder {0} is missing {1}.</source>
        <translation>模型文件夹 {0} 缺少 {1}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/error_text.py" line="303"/>
        <source>In {0}, {1} is empty; download it again.</source>
        <translation>{0} 中的 {1} 是空文件；请重新下载。</translation>
    </message>
</context>
<context>
    <name>IngestDialog</name>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="52"/>
        <source>Ingest recordings</source>
        <translation>导入录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="65"/>
        <source>Add recordings…</source>
        <translation>添加录音…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="67"/>
        <source>No recordings chosen (WAV, FLAC, MP3, OGG).</source>
        <translation>尚未选择录音（WAV、FLAC、MP3、OGG）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="73"/>
        <source>who agreed, for what use</source>
        <translation>谁同意的，用于何种用途</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="77"/>
        <source>Which speech recognizer writes the clips&apos; transcripts (two cross-check each other).</source>
        <translation>由哪个语音识别器写出片段的转写（两个识别器会互相核对）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="80"/>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="81"/>
        <source>Dialect</source>
        <translation>方言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="82"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="83"/>
        <source>Consent</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="84"/>
        <source>Recognizer</source>
        <translation>识别器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="87"/>
        <location filename="../../studio/ui/ingest/dialog.py" line="98"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="89"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="98"/>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="98"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="98"/>
        <source>Agreement</source>
        <translation>一致度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="98"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="99"/>
        <source>Transcript</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="113"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="115"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="117"/>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="119"/>
        <source>Make voice…</source>
        <translation>生成音色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="121"/>
        <source>Export dataset…</source>
        <translation>导出数据集…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="130"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="132"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="146"/>
        <source>Clips (double-click a transcript to correct it; marked rows need review)</source>
        <translation>片段（双击文本可修改；带标记的行需要复核）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="168"/>
        <source>Automatic (the downloaded recognizers, else PocketSphinx)</source>
        <translation>自动（已下载的识别器，否则用 PocketSphinx）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="171"/>
        <source>{0} (not installed)</source>
        <translation>{0}（未安装）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="173"/>
        <source>None (cut and save clips without transcripts)</source>
        <translation>无（只切分并保存片段，不转写）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="189"/>
        <source>PocketSphinx is not installed: install it with `pip install pocketsphinx` (its English model comes inside it), then open this dialog again.</source>
        <translation>未安装 PocketSphinx：请用 `pip install pocketsphinx` 安装（其英语模型已包含在内），然后重新打开此对话框。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="193"/>
        <source>{0} is not installed: download it with File → Download a model… (or `voice-studio models download {1}`), then open this dialog again.</source>
        <translation>未安装 {0}：请用 文件 → 下载模型…（或 `voice-studio models download {1}`）下载，然后重新打开此对话框。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="205"/>
        <source>Clips are cut and saved without transcripts.</source>
        <translation>片段将被切分并保存，不带转写。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="210"/>
        <source>Recognizers: {0}</source>
        <translation>识别器：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="213"/>
        <source>It knows English only; for other languages download Whisper small or SenseVoice-Small (File → Download a model…).</source>
        <translation>它只识别英语；其他语言请下载 Whisper small 或 SenseVoice-Small（文件 → 下载模型…）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="229"/>
        <source>Recordings</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="230"/>
        <source>Audio (*.wav *.flac *.mp3 *.ogg);;All files (*)</source>
        <translation>音频 (*.wav *.flac *.mp3 *.ogg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="284"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="311"/>
        <source>Stopping after the current clip…</source>
        <translation>将在当前片段完成后停止…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="324"/>
        <source>{0}: {1:.1f} min at {2} Hz</source>
        <translation>{0}：{1:.1f} 分钟，{2} Hz</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="333"/>
        <source>{0}: {1} clips ({2} saved earlier)</source>
        <translation>{0}：{1} 个片段（之前已保存 {2} 个）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="350"/>
        <source>Ingest failed: {0}</source>
        <translation>导入失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="353"/>
        <source>Saved {0} clips.</source>
        <translation>已保存 {0} 个片段。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="348"/>
        <location filename="../../studio/ui/ingest/dialog.py" line="355"/>
        <source>Cancelled: the saved clips stay saved; Start again to continue.</source>
        <translation>已取消：已保存的片段会保留；再次点击“开始”即可继续。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="220"/>
        <source>No speech recognizer is installed: clips are cut and saved without transcripts. Download one with File → Download a model… (Whisper small, or SenseVoice-Small).</source>
        <translation>未安装语音识别器：片段会被切分并保存，但没有参考文本。请通过“文件 → 下载模型…”下载一个（Whisper small 或 SenseVoice-Small）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="375"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="376"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="377"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="421"/>
        <source>Quality: {0}</source>
        <translation>质量：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="423"/>
        <source>narrow-band ({0} Hz): a clone from it sounds muffled</source>
        <translation>窄带（{0} Hz）：用它克隆的声音会发闷</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="455"/>
        <source>Select accepted clips to make a voice from.</source>
        <translation>请选择已接受的片段来生成音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="457"/>
        <source>Make voice</source>
        <translation>生成音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="457"/>
        <source>Name of the new voice</source>
        <translation>新音色的名称</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="466"/>
        <source>Voice {0} made from {1} clips.</source>
        <translation>已用 {1} 个片段生成音色 {0}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="472"/>
        <source>Export accepted clips to</source>
        <translation>将已接受的片段导出到</translation>
    </message>
    <message>
        <location filename="../../studio/ui/ingest/dialog.py" line="480"/>
        <source>Exported {0} clips to {1}.</source>
        <translation>已将 {0} 个片段导出到 {1}。</translation>
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
    <name>LexiconDialog</name>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="37"/>
        <source>Pronunciation dictionary</source>
        <translation>发音词典</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="43"/>
        <source>All voices</source>
        <translation>所有声音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="49"/>
        <source>Only the voice {0}</source>
        <translation>仅声音 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="52"/>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="57"/>
        <source>Each word or phrase is replaced before the text is normalized: whole words in languages with spaces, exact text in Chinese and Japanese. A lower-case term matches any case. Fun-CosyVoice 3 also takes pronunciation units such as [ch][óng] or [R][IY1][D]. A voice&apos;s entries win over the entries for all voices.</source>
        <translation>每个词或短语会在文本规范化之前被替换：有空格的语言按整词匹配，中文和日文按原文精确匹配。全小写的词条不区分大小写。Fun-CosyVoice 3 还支持 [ch][óng] 或 [R][IY1][D] 这样的发音单元。某个声音自己的词条优先于所有声音的词条。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="66"/>
        <source>Word or phrase</source>
        <translation>词或短语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="66"/>
        <source>Say instead</source>
        <translation>改读为</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="70"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="72"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="74"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="76"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="78"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="81"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="108"/>
        <source>Row {0} needs both a word and what to say instead.</source>
        <translation>第 {0} 行需要同时填写词语和改读内容。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="167"/>
        <source>Import dictionary</source>
        <translation>导入词典</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="167"/>
        <location filename="../../studio/ui/lexicon_dialog.py" line="192"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="179"/>
        <source>{0} is not UTF-8 text.</source>
        <translation>{0} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="187"/>
        <source>Imported {0} entries from {1}.</source>
        <translation>已从 {1} 导入 {0} 个词条。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/lexicon_dialog.py" line="192"/>
        <source>Export dictionary</source>
        <translation>导出词典</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="48"/>
        <source>Live view</source>
        <translation>实时视图</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="53"/>
        <source>The mel spectrogram and speech tokens of the next take appear here.</source>
        <translation>下一个版本的梅尔频谱和语音 token 会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="122"/>
        <source>The take failed: {0}</source>
        <translation>本次生成失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="165"/>
        <source>language model: speech tokens</source>
        <translation>语言模型：生成语音 token</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="166"/>
        <source>flow matching: tokens to mel</source>
        <translation>流匹配：token 转梅尔谱</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="167"/>
        <source>vocoder: mel to audio</source>
        <translation>声码器：梅尔谱转音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="168"/>
        <source>audio ready</source>
        <translation>音频已生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="199"/>
        <source>sentences {0}–{1} of {2}</source>
        <translation>第 {0}–{1} 句，共 {2} 句</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="200"/>
        <source>sentences {0}–{1}</source>
        <translation>第 {0}–{1} 句</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="202"/>
        <source>sentence {0} of {1}</source>
        <translation>第 {0} 句，共 {1} 句</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="203"/>
        <source>sentence {0}</source>
        <translation>第 {0} 句</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="214"/>
        <source>{0} · {1} tokens ({2:.1f} s) · {3} mel frames ({4:.1f} s)</source>
        <translation>{0} · {1} 个 token（{2:.1f} 秒）· {3} 个梅尔帧（{4:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="222"/>
        <source>{0} · {1} tokens · {2} mel frames · {3:.1f} s of audio at {4:g}× speed</source>
        <translation>{0} · {1} 个 token · {2} 个梅尔帧 · {4:g}× 语速下音频 {3:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="230"/>
        <source> · now: {0}</source>
        <translation> · 当前：{0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/main_window.py" line="91"/>
        <source>Voice Studio</source>
        <translation>Voice Studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="137"/>
        <location filename="../../studio/ui/main_window.py" line="359"/>
        <source>No model</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="208"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="209"/>
        <source>Open model folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="210"/>
        <source>Download a model…</source>
        <translation>下载模型…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="212"/>
        <source>Import reference clip…</source>
        <translation>导入参考音频…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="214"/>
        <source>Save clip as voice…</source>
        <translation>将参考音频保存为音色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="216"/>
        <source>Ingest recordings…</source>
        <translation>导入长录音…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="217"/>
        <source>Export take…</source>
        <translation>导出版本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="221"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="223"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="225"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="226"/>
        <location filename="../../studio/ui/main_window.py" line="1084"/>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="230"/>
        <source>&amp;Take</source>
        <translation>版本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="231"/>
        <source>Synthesize</source>
        <translation>合成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="233"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="235"/>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="236"/>
        <source>Record reference</source>
        <translation>录制参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="237"/>
        <source>Roll a new seed</source>
        <translation>换一个随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="238"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="248"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="249"/>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="254"/>
        <source>Go to the script</source>
        <translation>转到脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="257"/>
        <source>Go to the transcript</source>
        <translation>转到参考文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="262"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="263"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="264"/>
        <location filename="../../studio/ui/main_window.py" line="1103"/>
        <source>About Voice Studio</source>
        <translation>关于 Voice Studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="278"/>
        <source>Import or record a reference clip first (Ctrl+O).</source>
        <translation>请先导入或录制一段参考音频（Ctrl+O）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="280"/>
        <source>This clip is already the voice {0}.</source>
        <translation>这段音频已经是音色 {0}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="303"/>
        <source>Open a CosyVoice model folder</source>
        <translation>打开 CosyVoice 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="318"/>
        <source>{0} cannot be used: {1}</source>
        <translation>无法使用 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="332"/>
        <source>Loading the model in {0}…</source>
        <translation>正在加载 {0} 中的模型…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="346"/>
        <source>Loaded {0} ({1}) on {2}.</source>
        <translation>已加载 {0}（{1}），运行于 {2}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="410"/>
        <source>The reference clip {0} is not saved as a voice, so a take cannot speak in it. Press Save as voice… to use it, or choose {1} in the voice list to speak in that voice.</source>
        <translation>参考片段 {0} 尚未保存为音色，因此无法用它生成。请点击“保存为音色…”后使用，或在音色列表中选择 {1} 以用该音色朗读。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="419"/>
        <source>Clone mode needs the transcript of {0}&apos;s reference clip. Type it under Transcript in the reference panel and press Save transcript, or use Cross-lingual.</source>
        <translation>克隆模式需要 {0} 参考音频的参考文本。请在参考音频面板的“参考文本”处输入并点击“保存参考文本”，或改用跨语种模式。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="434"/>
        <source>The transcript of {0} was changed but not saved, and Clone mode uses the saved one. Press Save transcript to use your edit, or undo it.</source>
        <translation>{0} 的参考文本已修改但尚未保存，克隆模式使用的是已保存的文本。请按“保存参考文本”使用修改，或撤销修改。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="599"/>
        <source>Making: {0} · seed {1}</source>
        <translation>正在生成：{0} · 种子 {1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="644"/>
        <source>Last take: seed {0} · first audio {1:.2f} s · RTF {2:.2f}</source>
        <translation>上一个版本：种子 {0} · 首个音频 {1:.2f} 秒 · RTF {2:.2f}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="650"/>
        <source>Done in {0:.1f} s · seed {1}: {2}</source>
        <translation>用时 {0:.1f} 秒完成 · 种子 {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="777"/>
        <source>it could not be stored: {0}</source>
        <translation>无法保存：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="854"/>
        <source>Sentence {0} of take {1} was cut off when the take stopped, so it cannot be re-rolled alone; re-roll the whole take.</source>
        <translation>版本 {1} 的第 {0} 句在生成停止时被截断，无法单独重新生成；请重新生成整个版本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="952"/>
        <source>Saved take {0} to {1}, with its provenance in {2} (turn this off in Settings).</source>
        <translation>已将版本 {0} 保存到 {1}，来源信息写入 {2}（可在设置中关闭）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="955"/>
        <source>Saved take {0} to {1}.</source>
        <translation>已将版本 {0} 保存到 {1}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1033"/>
        <source>running</source>
        <translation>生成中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1033"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1058"/>
        <source>The language changes when Voice Studio starts again: quit and reopen it.</source>
        <translation>界面语言将在 Voice Studio 重新启动后生效：请退出并重新打开。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1084"/>
        <source>Undo delete of {0}</source>
        <translation>撤销删除“{0}”</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1091"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1091"/>
        <source>Move between fields (Tab leaves the script)</source>
        <translation>在各输入框之间移动（Tab 可离开文稿框）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1162"/>
        <source>A take is being made</source>
        <translation>正在生成版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1165"/>
        <source>Quitting now throws away the take being made and any queued takes. Press Esc first to keep what is made so far as a partial take.</source>
        <translation>现在退出会丢弃正在生成的版本和队列中的版本。先按 Esc 可以把已生成的部分保存为不完整版本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1169"/>
        <source>Quit anyway</source>
        <translation>仍然退出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1170"/>
        <source>Keep working</source>
        <translation>继续工作</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="341"/>
        <source>Model: {0} ({1})</source>
        <translation>模型：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="360"/>
        <source>The model could not be loaded: {0}</source>
        <translation>无法加载模型：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="382"/>
        <source>Load a model first (File → Open model folder…).</source>
        <translation>请先加载模型（文件 → 打开模型文件夹…）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="387"/>
        <source>Choose a voice in the voice list, or save a reference clip as a voice.</source>
        <translation>请在音色列表中选择一个音色，或将参考音频保存为音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="399"/>
        <source>Type the script to speak first.</source>
        <translation>请先输入要朗读的文稿。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="443"/>
        <source>Instruct mode needs an instruction: type one or pick a preset.</source>
        <translation>指令模式需要一条指令：请输入指令或选择预设。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="450"/>
        <source>Convert mode needs a source clip: import or record the speech to convert.</source>
        <translation>变声模式需要源音频：请导入或录制要转换的语音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="503"/>
        <source>Preparing {0} for this model first (once per model)…</source>
        <translation>正在先为此模型预处理 {0}（每个模型只需一次）…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="513"/>
        <source>{0} has no reference clip to prepare it from.</source>
        <translation>{0} 没有可用于预处理的参考音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="545"/>
        <source>{0} could not be prepared: {1}</source>
        <translation>无法预处理 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="661"/>
        <source>The take failed: {0}</source>
        <translation>版本生成失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="665"/>
        <source>Last take: failed · seed {0}</source>
        <translation>上一条版本：失败 · 种子 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="672"/>
        <source>Last take: cancelled · seed {0}</source>
        <translation>上一条版本：已取消 · 种子 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="674"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="677"/>
        <source>Cancelled: {0}</source>
        <translation>已取消：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="757"/>
        <source>Sentence {0} of take {1} re-rolled as take {2} (seed {3}); take {1} is kept as it was.</source>
        <translation>版本 {1} 的第 {0} 句已重新生成为版本 {2}（种子 {3}）；版本 {1} 保持原样。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="762"/>
        <source>Take {0} re-rolled as take {1} (seed {2}); take {0} is kept as it was.</source>
        <translation>版本 {0} 已重新生成为版本 {1}（种子 {2}）；版本 {0} 保持原样。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="768"/>
        <source>The {0} take&apos;s audio so far was kept as take {1} (marked partial).</source>
        <translation>{0}版本中已生成的音频已保存为版本 {1}（标记为不完整）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="769"/>
        <source>cancelled</source>
        <translation>已取消的</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="769"/>
        <source>failed</source>
        <translation>失败的</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="791"/>
        <location filename="../../studio/ui/main_window.py" line="902"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="809"/>
        <source>Take {0}&apos;s voice was deleted, so it cannot be re-rolled.</source>
        <translation>版本 {0} 的音色已被删除，无法重新生成。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="817"/>
        <source>Take {0} does not record its source clip; convert it again.</source>
        <translation>版本 {0} 没有记录源音频；请重新变声。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="849"/>
        <source>Take {0} has no sentence {1}.</source>
        <translation>版本 {0} 没有第 {1} 句。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="905"/>
        <source>Making · seed {0}: {1}</source>
        <translation>正在生成 · 种子 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/messages.py" line="84"/>
        <source>No audio output device was found; connect speakers or headphones to listen (takes are still made and saved).</source>
        <translation>未找到音频输出设备；请连接扬声器或耳机收听（仍会生成并保存）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/messages.py" line="90"/>
        <source>Playback stopped: {0}</source>
        <translation>播放已停止：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="921"/>
        <source>Select a take to export.</source>
        <translation>请选择要导出的版本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="932"/>
        <source>Export take</source>
        <translation>导出版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="963"/>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="976"/>
        <source>Restored {0}.</source>
        <translation>已恢复 {0}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/main_window.py" line="1017"/>
        <source>Recovered %n recording(s) interrupted last time; the latest is in the reference panel.</source>
        <translation>
            <numerusform>已恢复上次中断的 %n 段录音；最新的一段已载入参考音频面板。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/main_window.py" line="1040"/>
        <source>%n take(s) queued</source>
        <translation>
            <numerusform>队列中有 %n 个版本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="1105"/>
        <source>&lt;b&gt;Voice Studio {0}&lt;/b&gt;&lt;br&gt;Voice cloning with CosyVoice 2 and Fun-CosyVoice 3.&lt;br&gt;Library: {1}&lt;br&gt;Settings: {2}</source>
        <translation>&lt;b&gt;Voice Studio {0}&lt;/b&gt;&lt;br&gt;基于 CosyVoice 2 和 Fun-CosyVoice 3 的音色克隆。&lt;br&gt;资料库：{1}&lt;br&gt;设置：{2}</translation>
    </message>
</context>
<context>
    <name>MelView</name>
    <message>
        <location filename="../../studio/ui/views/mel_view.py" line="87"/>
        <source>mel bin</source>
        <translation>梅尔频带</translation>
    </message>
    <message>
        <location filename="../../studio/ui/views/mel_view.py" line="88"/>
        <source>time (s)</source>
        <translation>时间（秒）</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../studio/ui/message_bar.py" line="45"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/message_bar.py" line="81"/>
        <source>Still open, shown again after this message: {0}</source>
        <translation>仍未关闭，此消息之后会再次显示：{0}</translation>
    </message>
</context>
<context>
    <name>ProjectView</name>
    <message>
        <location filename="../../studio/ui/project/__init__.py" line="17"/>
        <source>Takes</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/__init__.py" line="19"/>
        <location filename="../../studio/ui/project/view.py" line="193"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="184"/>
        <source>Import script…</source>
        <translation>导入脚本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="185"/>
        <source>Render</source>
        <translation>渲染</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="191"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="225"/>
        <source>Play from block</source>
        <translation>从此段播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="226"/>
        <source>Re-roll block</source>
        <translation>重新生成此段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="227"/>
        <source>Block voice…</source>
        <translation>此段音色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="315"/>
        <source>{0} — 1 block</source>
        <translation>{0} — 1 段</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/project/view.py" line="316"/>
        <source>{0} — %n blocks</source>
        <translation>
            <numerusform>{0} — %n 段</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="345"/>
        <location filename="../../studio/ui/project/view.py" line="853"/>
        <source>Import a script first (Import script…): there is no project yet.</source>
        <translation>请先导入脚本（“导入脚本…”）：还没有项目。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="346"/>
        <source>Open a model folder first (File → Open model folder…).</source>
        <translation>请先打开模型文件夹（文件 → 打开模型文件夹…）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="347"/>
        <source>The project is rendering; wait for it or cancel it.</source>
        <translation>项目正在渲染；请等待完成或取消。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="348"/>
        <location filename="../../studio/ui/project/view.py" line="826"/>
        <source>Select a block in the table first.</source>
        <translation>请先在表格中选择一个段落。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="357"/>
        <source>Render every block that has no audio for its current text, voice and settings.</source>
        <translation>渲染所有在当前文本、音色和设置下还没有音频的段落。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="372"/>
        <source>The project has no blocks.</source>
        <translation>项目中没有段落。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="374"/>
        <source>Render the project first: 1 block has no audio yet.</source>
        <translation>请先渲染项目：还有 1 个段落没有音频。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/project/view.py" line="376"/>
        <source>Render the project first: %n blocks have no audio yet.</source>
        <translation>
            <numerusform>请先渲染项目：还有 %n 个段落没有音频。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="188"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="228"/>
        <source>Speaker voices…</source>
        <translation>说话人音色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="256"/>
        <source>No project yet. Import a script to start one (Import script…): plain text or Markdown, a dialogue (CSV/TSV with a speaker column) or subtitles (SRT/VTT). Every speaker needs a saved voice.</source>
        <translation>还没有项目。导入一个脚本即可开始（导入脚本…）：纯文本或 Markdown、对话（带说话人列的 CSV/TSV）或字幕（SRT/VTT）。每个说话人都需要一个已保存的音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="361"/>
        <source>Nothing is rendering.</source>
        <translation>当前没有正在渲染的内容。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="363"/>
        <location filename="../../studio/ui/project/view.py" line="726"/>
        <source>Stopping after the current block…</source>
        <translation>当前段落完成后停止…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="366"/>
        <source>Stop the render; the blocks rendered so far are kept (Render again makes the rest).</source>
        <translation>停止渲染；已渲染的段落会保留（再次渲染只生成其余部分）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="380"/>
        <source>Write the whole render to a WAV, FLAC or MP3 file (WAV bit depth from Settings), with SRT subtitles and a JSON file of every block&apos;s timing beside it.</source>
        <translation>将整个渲染写入 WAV、FLAC 或 MP3 文件（WAV 位深取自设置），并在旁边写出 SRT 字幕和记录每个段落时间的 JSON 文件。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="390"/>
        <source>Render every block first: there is no audio to play yet.</source>
        <translation>请先渲染所有段落：还没有可播放的音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="393"/>
        <source>Play the render from the selected block on (or double-click a block).</source>
        <translation>从所选段落开始播放渲染结果（或双击某个段落）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="406"/>
        <source>Render the selected block again with a new seed; its earlier takes are kept.</source>
        <translation>用新的种子重新渲染所选段落；之前的版本会保留。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="411"/>
        <source>Choose another library voice for the selected block only.</source>
        <translation>只为所选段落换用资料库中的另一个音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="416"/>
        <source>Choose the library voice of every speaker at once (every block of that speaker).</source>
        <translation>一次为每个说话人选择音色库中的音色（该说话人的所有段落）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="530"/>
        <source>Import a script</source>
        <translation>导入脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="530"/>
        <source>Scripts</source>
        <translation>脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="581"/>
        <source>Save a voice first: every speaker of a project needs a voice.</source>
        <translation>请先保存一个音色：项目中的每个说话人都需要音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="592"/>
        <source>No voice chosen for speaker {0}.</source>
        <translation>说话人 {0} 还没有选择音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="611"/>
        <source>Updated project {0} from {1}; unchanged lines keep their audio.</source>
        <translation>已根据 {1} 更新项目 {0}；未改动的行保留其音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="625"/>
        <source>Script imported before</source>
        <translation>脚本已导入过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="626"/>
        <source>This script was imported before as the project {0}.</source>
        <translation>此脚本之前已作为项目 {0} 导入。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="629"/>
        <source>Update it: the blocks follow the file, every speaker keeps its voice and unchanged lines keep their audio. Or import it as a new project.</source>
        <translation>更新它：段落随文件更新，每个说话人保留其声音，未改动的行保留其音频。也可以作为新项目导入。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="633"/>
        <source>Update {0}</source>
        <translation>更新 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="634"/>
        <source>Import as a new project</source>
        <translation>作为新项目导入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="659"/>
        <source>Import a script first (Import script…): there is no project to render.</source>
        <translation>请先导入脚本（“导入脚本…”）：没有可渲染的项目。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="664"/>
        <source>The project is already rendering.</source>
        <translation>项目已在渲染中。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="668"/>
        <source>Open a model folder before rendering.</source>
        <translation>渲染前请先打开模型文件夹。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="708"/>
        <source>Render project {0}</source>
        <translation>渲染项目 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="714"/>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="748"/>
        <source>, {0:.0f} s left</source>
        <translation>，剩余 {0:.0f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="752"/>
        <source>{0}/{1} blocks, {2:.1f} s of audio</source>
        <translation>{0}/{1} 段，已生成 {2:.1f} 秒音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="757"/>
        <source>{0}/{1} blocks</source>
        <translation>{0}/{1} 段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="784"/>
        <source>Stopped; {0} of {1} blocks are rendered and kept.</source>
        <translation>已停止；{1} 个段落中有 {0} 个已渲染并保留。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="806"/>
        <source>Render failed; the blocks made before it are kept.</source>
        <translation>渲染失败；之前完成的段落已保留。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="856"/>
        <source>Speakers cannot be changed while the project renders.</source>
        <translation>项目渲染期间不能更改说话人。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="1015"/>
        <source>Export project (subtitles .srt and timing .json are written beside the audio)</source>
        <translation>导出项目（字幕 .srt 和时间 .json 会写在音频旁边）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="1065"/>
        <source>Exported:</source>
        <translation>已导出：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="1067"/>
        <source>audio: {0}</source>
        <translation>音频：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="1069"/>
        <source>subtitles ({0}): {1}</source>
        <translation>字幕（{0}）：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="1071"/>
        <source>timing and provenance (.json): {0}</source>
        <translation>时间与来源（.json）：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/project/view.py" line="788"/>
        <source>Rendered %n block(s), reused {0}.</source>
        <translation>
            <numerusform>渲染了 %n 段，复用 {0} 段。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="830"/>
        <location filename="../../studio/ui/project/view.py" line="864"/>
        <source>Save a voice first: the library has no voices.</source>
        <translation>请先保存一个音色：资料库中还没有音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="839"/>
        <source>Block voice</source>
        <translation>此段音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="840"/>
        <source>Voice for this block:</source>
        <translation>此段使用的音色：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="907"/>
        <source>Takes cannot be changed while the project renders.</source>
        <translation>项目渲染期间不能更换版本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="938"/>
        <source>Blocks cannot be moved while the project renders.</source>
        <translation>项目渲染时不能移动段落。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="983"/>
        <source>Cue {0} overruns its slot by {1:.2f} s (at {2:.2f}x).</source>
        <translation>字幕 {0} 超出其时段 {1:.2f} 秒（已加速到 {2:.2f} 倍）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="1007"/>
        <location filename="../../studio/ui/project/view.py" line="1039"/>
        <source>Import a script first (Import script…): there is no project to export.</source>
        <translation>请先导入脚本（“导入脚本…”）：没有可导出的项目。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="1017"/>
        <source>Audio (*.wav *.flac *.mp3)</source>
        <translation>音频 (*.wav *.flac *.mp3)</translation>
    </message>
</context>
<context>
    <name>ProjectWaveform</name>
    <message>
        <location filename="../../studio/ui/project/view.py" line="127"/>
        <source>time (s)</source>
        <translation>时间（秒）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../studio/ui/qt_gaps.py" line="15"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_gaps.py" line="16"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QualityView</name>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="55"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="55"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="55"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="74"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="74"/>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="74"/>
        <source>fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="78"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="79"/>
        <source>Sample rate</source>
        <translation>采样率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="80"/>
        <source>Clipping</source>
        <translation>削波</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="81"/>
        <source>Silence</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="82"/>
        <source>Noise (SNR estimate)</source>
        <translation>噪声（信噪比）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="83"/>
        <source>Level</source>
        <translation>电平</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="89"/>
        <source>Pass: 3-30 s. Warn: 0.5-3 s. Fail: under 0.5 s or over 30 s.</source>
        <translation>通过：3-30 秒。警告：0.5-3 秒。不通过：短于 0.5 秒或长于 30 秒。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="90"/>
        <source>Pass: 16 kHz or more. Fail: below 16 kHz.</source>
        <translation>通过：16 kHz 及以上。不通过：低于 16 kHz。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="91"/>
        <source>Pass: no sample at full scale. Warn: under 0.1 % of samples. Fail: more.</source>
        <translation>通过：没有满幅采样点。警告：少于 0.1 % 的采样点。不通过：更多。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="92"/>
        <source>Pass: up to 40 % silence. Warn: up to 70 %. Fail: more.</source>
        <translation>通过：静音不超过 40 %。警告：不超过 70 %。不通过：更多。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="93"/>
        <source>Pass: 25 dB or more. Warn: 15-25 dB. Fail: less.</source>
        <translation>通过：25 dB 及以上。警告：15-25 dB。不通过：更低。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="95"/>
        <source>Pass: -30 to -6 dBFS. Warn: -42 to -30 dBFS or above -6 dBFS. Fail: below -42.</source>
        <translation>通过：-30 到 -6 dBFS。警告：-42 到 -30 dBFS 或高于 -6 dBFS。不通过：低于 -42。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="101"/>
        <source>{0:.1f} s (3-30 s is best)</source>
        <translation>{0:.1f} 秒（宜 3–30 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="104"/>
        <source>{0:g} kHz: narrow-band (16 kHz or more is best)</source>
        <translation>{0:g} kHz：窄带（最好 16 kHz 或以上）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="105"/>
        <source>{0:g} kHz (16 kHz or more)</source>
        <translation>{0:g} kHz（至少 16 kHz）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="108"/>
        <source>no sample at full scale</source>
        <translation>没有满幅采样点</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="111"/>
        <source>under 0.001 %</source>
        <translation>不到 0.001 %</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="113"/>
        <source>1 sample at full scale ({0})</source>
        <translation>1 个采样点达到满幅（{0}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="115"/>
        <source>{0} samples at full scale ({1})</source>
        <translation>{0} 个采样点达到满幅（{1}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="116"/>
        <source>{0} of samples at full scale</source>
        <translation>{0} 的采样点达到满幅</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="118"/>
        <source>{0:.0f} % of the clip is silence</source>
        <translation>{0:.0f}% 为静音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="120"/>
        <source>{0:.0f} dB</source>
        <translation>{0:.0f} dB</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="122"/>
        <source>{0:.1f} dBFS speech RMS</source>
        <translation>语音 RMS {0:.1f} dBFS</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="135"/>
        <source>The clip is {0:.1f} s long and a voice uses at most 30 s: drag the edges of the shaded region on the waveform to keep the best 3 to 30 s (Reset trim starts over).</source>
        <translation>片段长 {0:.1f} 秒，而音色最多使用 30 秒：拖动波形上阴影区域的边缘，保留最好的 3 到 30 秒（“重置裁剪”可重新开始）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="139"/>
        <source>Use 3 to 30 seconds of speech: record a longer clip or widen the trim.</source>
        <translation>请使用 3 到 30 秒的语音：录制更长的片段或放宽裁剪范围。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="141"/>
        <source>The clip is too short; the engine needs at least half a second.</source>
        <translation>音频太短；引擎至少需要 0.5 秒。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="143"/>
        <source>Narrow-band recording (8-16 kHz, like a telephone or old tape): it is used, but the clone will sound muffled like the recording. Use a 16 kHz or better recording if you have one.</source>
        <translation>窄带录音（8-16 kHz，如电话或旧磁带）：可以使用，但克隆出的声音会像录音一样发闷。如有 16 kHz 或更好的录音，请改用它。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="148"/>
        <source>The clip&apos;s sample rate is below 8 kHz; use a better recording.</source>
        <translation>片段的采样率低于 8 kHz；请使用质量更好的录音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="150"/>
        <source>Much of the clip is silence; drag the trim handles around the speech.</source>
        <translation>音频中静音过多；请拖动裁剪手柄框住语音部分。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="152"/>
        <source>The clip is clipped (too loud); record again further from the mic.</source>
        <translation>音频出现削波（音量过大）；请离麦克风远一些重新录制。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="155"/>
        <source>A few samples reach full scale; if you record again, keep the level a little lower.</source>
        <translation>少数采样点达到满幅；如果重新录音，请把电平稍微调低。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="158"/>
        <source>The clip is noisy; the clone will copy the noise. Record somewhere quieter.</source>
        <translation>音频噪声较大，克隆会连同噪声一起复制。请在更安静的地方录制。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="160"/>
        <source>The level is off; speak closer to the mic (or further, if too hot).</source>
        <translation>电平不合适；请靠近麦克风说话（如果过响则离远一些）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="162"/>
        <source>The clip looks clean.</source>
        <translation>音频质量良好。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="168"/>
        <source>Record or import a clip to see its quality report.</source>
        <translation>录制或导入音频后即可查看质量报告。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="188"/>
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
        <location filename="../../studio/ui/reference_panel.py" line="92"/>
        <source>Reference clip</source>
        <translation>参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="111"/>
        <location filename="../../studio/ui/reference_panel.py" line="472"/>
        <source>Record</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="112"/>
        <source>Record from the input device chosen in Settings (Ctrl+R)</source>
        <translation>从设置中选择的输入设备录音（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="114"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="115"/>
        <source>Open a sound file, or drop one on this panel</source>
        <translation>打开音频文件，或将文件拖放到此面板</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="125"/>
        <source>Script to read aloud</source>
        <translation>朗读稿</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="131"/>
        <source>Optional: a text to read while recording. It becomes the transcript.</source>
        <translation>可选：录音时要朗读的文字，录完后将作为参考文本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="139"/>
        <location filename="../../studio/ui/reference_panel.py" line="290"/>
        <source>No clip yet: record one, import a file, or drop it here.</source>
        <translation>还没有音频：请录音、导入文件，或将文件拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="146"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="148"/>
        <source>Reset trim</source>
        <translation>重置裁剪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="172"/>
        <source>Save as voice…</source>
        <translation>保存为音色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="160"/>
        <source>Exactly what is said in the clip</source>
        <translation>音频中说的原话</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="162"/>
        <source>Exactly what is said in the clip. Clone mode needs it; Cross-lingual does not.</source>
        <translation>音频中说的原话。克隆模式需要它，跨语种模式不需要。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="166"/>
        <source>Save transcript</source>
        <translation>保存参考文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="168"/>
        <source>Store this transcript with the selected voice&apos;s clip</source>
        <translation>将此参考文本保存到所选音色的参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="185"/>
        <source>Transcript (needed for Clone mode)</source>
        <translation>参考文本（克隆模式需要）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="242"/>
        <source>Import a reference clip</source>
        <translation>导入参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="243"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="243"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="253"/>
        <source>The file could not be imported: {0}</source>
        <translation>无法导入文件：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="262"/>
        <source>{0} ends early: its header says {1:.1f} s, but only {2:.1f} s of audio is in the file (it may be cut off). Check the clip before saving it as a voice.</source>
        <translation>{0} 提前结束：文件头标明 {1:.1f} 秒，但文件中只有 {2:.1f} 秒音频（文件可能不完整）。保存为音色前请检查这段音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="268"/>
        <source>Imported {0} ({1:.1f} s).</source>
        <translation>已导入 {0}（{1:.1f} 秒）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="274"/>
        <source>Recording {0}</source>
        <translation>录音 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="323"/>
        <source>{0} is not saved as a voice; it is kept: “Back to {0}” under the voice&apos;s clip brings it back.</source>
        <translation>{0} 尚未保存为音色；它已暂存：点击音色片段下方的“返回 {0}”即可找回。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="328"/>
        <source>{0} has no reference clip.</source>
        <translation>{0} 没有参考音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="370"/>
        <source>Back to {0} (not saved)</source>
        <translation>返回 {0}（未保存）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="386"/>
        <source>The transcript you typed for {0} is not saved; it is kept and comes back when you choose {0} again (then press Save transcript).</source>
        <translation>你为 {0} 输入的参考文本尚未保存；它会被保留，再次选择 {0} 时会回来（然后请按“保存参考文本”）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="405"/>
        <source>The transcript could not be saved: {0}</source>
        <translation>无法保存参考文本：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="412"/>
        <source>Saved the transcript of {0}; the voice is prepared again for its next take.</source>
        <translation>已保存 {0} 的参考文本；下次生成时将重新准备该音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="455"/>
        <source>{0} · {1:.1f} s at {2:g} kHz · using {3:.1f}-{4:.1f} s</source>
        <translation>{0} · {1:.1f} 秒，{2:g} kHz · 使用 {3:.1f}–{4:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="459"/>
        <source>Voice {0}: {1}</source>
        <translation>音色 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="473"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="474"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="475"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="480"/>
        <source>Recording… speak now</source>
        <translation>正在录音…请开始说话</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="487"/>
        <source>Recording starts in {0}…</source>
        <translation>{0} 秒后开始录音…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="495"/>
        <source>Recorded {0:.1f} s; the recording is kept in the library.</source>
        <translation>已录制 {0:.1f} 秒；录音已保存在资料库中。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="499"/>
        <source>Recording failed: {0}</source>
        <translation>录音失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="508"/>
        <source>Recording… {0:.1f} s</source>
        <translation>正在录音… {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="551"/>
        <source>This clip is already the voice {0}; import or record a new clip for another voice.</source>
        <translation>此音频已是音色 {0}；如需新音色，请导入或录制新的音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="555"/>
        <location filename="../../studio/ui/reference_panel.py" line="569"/>
        <source>Load a model first: the voice is prepared with it.</source>
        <translation>请先加载模型：音色需要用模型预处理。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="557"/>
        <source>The clip fails a check the engine needs; see the report.</source>
        <translation>音频未通过引擎必需的检查；请查看质量报告。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="559"/>
        <source>Prepare this clip as a voice and add it to the voice list</source>
        <translation>将此音频预处理为音色并添加到音色列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="573"/>
        <source>This clip cannot be used as a voice: {0}</source>
        <translation>此音频无法用作音色：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="588"/>
        <source>There is already a voice called {0}; choose another name.</source>
        <translation>已存在名为 {0} 的音色；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="599"/>
        <source>Preparing the voice…</source>
        <translation>正在预处理音色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="617"/>
        <source>Saved the voice {0}.</source>
        <translation>已保存音色 {0}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="629"/>
        <source>The voice could not be saved: {0}</source>
        <translation>无法保存音色：{0}</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="85"/>
        <source>Script and mode</source>
        <translation>文稿与模式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="95"/>
        <source>Clone the voice; needs the reference transcript</source>
        <translation>克隆音色；需要参考文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="96"/>
        <source>Clone the voice into any language; no transcript needed</source>
        <translation>将音色克隆到任意语种；无需参考文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="97"/>
        <source>Clone the voice and follow an instruction: emotion, speed, dialect…</source>
        <translation>克隆音色并按指令控制：情感、语速、方言…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="98"/>
        <source>Speech to speech: say a recorded or imported clip in the voice</source>
        <translation>语音转换：用此音色说出录制或导入的音频内容</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="119"/>
        <source>Instruction, e.g. 用开心的语气说这句话, or pick a preset</source>
        <translation>指令，例如：用开心的语气说这句话；或选择预设</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="129"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="137"/>
        <location filename="../../studio/ui/script_panel.py" line="418"/>
        <source>No source clip: import or record the speech to convert.</source>
        <translation>没有源音频：请导入或录制要转换的语音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="138"/>
        <source>Import source…</source>
        <translation>导入源音频…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="141"/>
        <location filename="../../studio/ui/script_panel.py" line="425"/>
        <source>Record source</source>
        <translation>录制源音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="145"/>
        <source>Recording failed: {0}</source>
        <translation>录音失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="174"/>
        <source>Type or paste the script. Each sentence of a take can be re-rolled on its own.</source>
        <translation>输入或粘贴脚本。版本中的每一句都可以单独重新生成。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="188"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="190"/>
        <source>The same seed, text and voice give the same take; &apos;random&apos; picks one</source>
        <translation>随机种子、文本和音色都相同时会生成相同的版本；选“随机”则自动选取种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="194"/>
        <source>Roll</source>
        <translation>掷骰</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="196"/>
        <source>Roll a new seed</source>
        <translation>换一个随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="200"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="201"/>
        <source>Back to a random seed for every take</source>
        <translation>恢复为每条版本使用随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="205"/>
        <source>Streaming</source>
        <translation>流式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="207"/>
        <source>Play while the take is generated (speed needs streaming off)</source>
        <translation>边生成边播放（调节语速需关闭流式）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="209"/>
        <source>Synthesize</source>
        <translation>合成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="211"/>
        <source>Make a take (Ctrl+Enter); while one runs, this queues the next</source>
        <translation>生成一个版本（Ctrl+Enter）；正在生成时，再次点击会将下一个加入队列</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="215"/>
        <location filename="../../studio/ui/script_panel.py" line="426"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="216"/>
        <source>Stop the running take (Esc)</source>
        <translation>停止正在生成的版本（Esc）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="222"/>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="224"/>
        <source>(streaming off to change)</source>
        <translation>（关闭流式后可调整）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="232"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="260"/>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="261"/>
        <source>Cross-lingual</source>
        <translation>跨语种</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="262"/>
        <source>Instruct</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="263"/>
        <source>Convert</source>
        <translation>变声</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="299"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="326"/>
        <source>Preset “{0}”, written in Chinese: the model follows Chinese instructions best.</source>
        <translation>预设“{0}”，以中文书写：模型对中文指令的遵循效果最好。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/script_panel.py" line="367"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="384"/>
        <source>Speed changes need streaming off</source>
        <translation>调节语速需关闭流式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="386"/>
        <source>Speaking speed (0.5× to 2×)</source>
        <translation>语速（0.5× 到 2×）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="397"/>
        <source>Import the speech to convert</source>
        <translation>导入要转换的语音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="398"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="398"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="408"/>
        <source>The file could not be imported: {0}</source>
        <translation>无法导入文件：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="420"/>
        <source>Source: {0} ({1:.1f} s)</source>
        <translation>源音频：{0}（{1:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="427"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="428"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="437"/>
        <source>Recording {0}</source>
        <translation>录音 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="444"/>
        <source>Recording… {0:.1f} s</source>
        <translation>正在录音… {0:.1f} 秒</translation>
    </message>
</context>
<context>
    <name>ServeToggle</name>
    <message>
        <location filename="../../studio/ui/serve_toggle.py" line="35"/>
        <source>Serve on this computer</source>
        <translation>在本机提供服务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/serve_toggle.py" line="38"/>
        <source>Let other programs on this computer use your voices (OpenAI-style speech API).</source>
        <translation>让本机上的其他程序使用你的声音（OpenAI 风格的语音 API）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/serve_toggle.py" line="69"/>
        <source>API: starting…</source>
        <translation>API：正在启动…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/serve_toggle.py" line="86"/>
        <source>API: {0}</source>
        <translation>API：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/serve_toggle.py" line="87"/>
        <source>POST {0}/v1/audio/speech</source>
        <translation>POST {0}/v1/audio/speech</translation>
    </message>
    <message>
        <location filename="../../studio/ui/serve_toggle.py" line="88"/>
        <source>Serving your voices at {0}/v1 (this computer only).</source>
        <translation>正在 {0}/v1 提供你的声音（仅限本机）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/serve_toggle.py" line="96"/>
        <source>The speech API could not start: {0}</source>
        <translation>语音 API 无法启动：{0}</translation>
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
        <location filename="../../studio/ui/settings_dialog.py" line="142"/>
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
        <location filename="../../studio/ui/settings_dialog.py" line="115"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="121"/>
        <source>{0} (not connected)</source>
        <translation>{0}（未连接）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="127"/>
        <source>No input device found.</source>
        <translation>未找到输入设备。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="129"/>
        <source>No output device found.</source>
        <translation>未找到输出设备。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="135"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="137"/>
        <source>Play streaming takes while they are made</source>
        <translation>流式生成时边生成边播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="147"/>
        <source>WAV, 24-bit</source>
        <translation>WAV，24 位</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="148"/>
        <source>WAV, 16-bit</source>
        <translation>WAV，16 位</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="149"/>
        <source>FLAC</source>
        <translation>FLAC</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="153"/>
        <source>Write a .json file with the take&apos;s provenance next to the audio</source>
        <translation>在音频旁另存一个记录版本来源信息的 .json 文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="158"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="159"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="162"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="168"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="169"/>
        <source>Device</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="170"/>
        <source>Precision on CUDA</source>
        <translation>CUDA 精度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="171"/>
        <source>Speed preset</source>
        <translation>速度预设</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="172"/>
        <source>Input device</source>
        <translation>输入设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="173"/>
        <source>Output device</source>
        <translation>输出设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="175"/>
        <source>Recording countdown</source>
        <translation>录音倒计时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="177"/>
        <location filename="../../studio/ui/settings_dialog.py" line="231"/>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="178"/>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="180"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="181"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="182"/>
        <source>A new language takes effect when Voice Studio starts again.</source>
        <translation>新的界面语言将在 Voice Studio 重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="225"/>
        <source>Open a CosyVoice model folder</source>
        <translation>打开 CosyVoice 模型文件夹</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../studio/ui/shortcuts_dialog.py" line="48"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shortcuts_dialog.py" line="57"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shortcuts_dialog.py" line="57"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shortcuts_dialog.py" line="57"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <location filename="../../studio/ui/project/view.py" line="77"/>
        <source>Choose a voice for each speaker</source>
        <translation>为每个说话人选择音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="79"/>
        <source>Choose the library voice that speaks each speaker&apos;s lines.</source>
        <translation>为每个说话人的台词选择资料库中的朗读音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="82"/>
        <source>Lines with no speaker name (every line of a plain text, Markdown or subtitle script) use the voice chosen for (no speaker).</source>
        <translation>没有说话人名字的台词（纯文本、Markdown 或字幕脚本中的每一行）使用为“（无说话人）”选择的音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/project/view.py" line="97"/>
        <source>(no speaker)</source>
        <translation>（无说话人）</translation>
    </message>
</context>
<context>
    <name>TakeTraceFollower</name>
    <message>
        <location filename="../../studio/ui/take_trace.py" line="183"/>
        <source>Take #{0} cannot be shown here: {1}</source>
        <translation>无法在此显示版本 #{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/take_trace.py" line="206"/>
        <source>Take #{0}: its mel spectrogram and speech tokens ({1:.1f} s)</source>
        <translation>版本 #{0}：梅尔频谱与语音 token（{1:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/take_trace.py" line="211"/>
        <source>Take #{0}: the mel spectrogram of its audio ({1:.1f} s); its speech tokens were not kept (they are for whole takes made in this session)</source>
        <translation>版本 #{0}：由音频计算的梅尔频谱（{1:.1f} 秒）；它的语音 token 没有保留（只保留本次会话生成的完整版本）</translation>
    </message>
</context>
<context>
    <name>TakesPanel</name>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="43"/>
        <source>The take&apos;s sentences, as the text frontend cuts them. The model speaks short sentences together in one pass (as CosyVoice&apos;s own frontend does); re-rolling one of them speaks it alone and splices it in at the pause where it starts and ends.</source>
        <translation>版本的各个句子，按文本前端的切分方式列出。模型会把较短的句子放在一次生成中一起朗读（与 CosyVoice 自带前端相同）；重新生成其中一句时会单独朗读它，并在它开始和结束处的停顿拼接回去。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="60"/>
        <source>Takes</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="63"/>
        <source>Search takes by text</source>
        <translation>按文本搜索版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="66"/>
        <source>★ only</source>
        <translation>仅 ★</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="78"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="79"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="80"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="81"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="82"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="109"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="110"/>
        <source>Play or pause the selected take (Space)</source>
        <translation>播放或暂停所选版本（空格键）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="112"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="116"/>
        <source>Re-roll</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="117"/>
        <source>Make the take again with a new seed (a new take)</source>
        <translation>用新的随机种子重新生成（另存为新版本）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="119"/>
        <source>★ Favourite</source>
        <translation>★ 收藏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="122"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="123"/>
        <source>Export the selected take as WAV or FLAC (Ctrl+E)</source>
        <translation>将所选版本导出为 WAV 或 FLAC（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="125"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="126"/>
        <source>Delete the take (Ctrl+Z undoes it)</source>
        <translation>删除版本（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="151"/>
        <source>Re-roll sentence</source>
        <translation>重新生成该句</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="154"/>
        <source>Generate only this sentence again with a new seed: a new version of the take, joined with cross-fades; the take as it is now is kept</source>
        <translation>仅用新种子重新生成这一句：得到版本的新版本，以交叉淡化拼接；当前版本保持不变</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="163"/>
        <source>Remove from queue</source>
        <translation>从队列中移除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="178"/>
        <source>Sentences of the selected take</source>
        <translation>所选版本的句子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="361"/>
        <source>sentence {0} re-rolled from take {1}</source>
        <translation>由版本 {1} 重新生成第 {0} 句</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="365"/>
        <source>re-roll of take {0}</source>
        <translation>版本 {0} 的重新生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="76"/>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="85"/>
        <source>Take number</source>
        <translation>版本编号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="113"/>
        <source>Stop playback</source>
        <translation>停止播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="184"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="235"/>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="236"/>
        <source>Cross-lingual</source>
        <translation>跨语种</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="237"/>
        <source>Instruct</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="238"/>
        <source>Convert</source>
        <translation>变声</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="336"/>
        <source> · API</source>
        <translation> · API</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="337"/>
        <source>{0:.1f} s</source>
        <translation>{0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="322"/>
        <source>{0} (deleted)</source>
        <translation>{0}（已删除）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="358"/>
        <source>partial: cancelled</source>
        <translation>不完整：已取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="358"/>
        <source>partial: failed</source>
        <translation>不完整：失败</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="400"/>
        <source>(converted speech)</source>
        <translation>（转换后的语音）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="402"/>
        <source>(cut off)</source>
        <translation>（已截断）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="406"/>
        <source>seed {0}</source>
        <translation>随机种子 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="410"/>
        <source>The take stopped while this was spoken: its audio holds only part of it (or none). Re-roll the whole take to hear it.</source>
        <translation>生成在说这一句时停止了：音频里只有它的一部分（或完全没有）。重新生成整个版本才能听到它。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/takes_panel.py" line="415"/>
        <source>Spoken in one pass with %n other sentence(s); re-rolled alone, it is spliced in at its pauses.</source>
        <translation>
            <numerusform>与另外 %n 句在一次生成中一起朗读；单独重新生成时会在其停顿处拼接。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="427"/>
        <source>Take {0} · {1} · {2}</source>
        <translation>版本 {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="435"/>
        <source>seed {0} · speed {1:g}× · {2:.1f} s</source>
        <translation>随机种子 {0} · 语速 {1:g}× · {2:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="436"/>
        <source>model {0} ({1}) · engine {2}</source>
        <translation>模型 {0}（{1}）· 引擎 {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="441"/>
        <source>instruction: {0}</source>
        <translation>指令：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="444"/>
        <source>first audio {0:.2f} s · RTF {1:.2f} · {2}</source>
        <translation>首段音频 {0:.2f} 秒 · RTF {1:.2f} · {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="447"/>
        <source>streamed</source>
        <translation>流式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="447"/>
        <source>not streamed</source>
        <translation>非流式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="451"/>
        <source>voice consent recorded</source>
        <translation>已记录音色授权同意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="453"/>
        <source>NO CONSENT RECORDED</source>
        <translation>未记录授权同意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="508"/>
        <source>Deleted take {0}. Press Ctrl+Z to undo.</source>
        <translation>已删除版本 {0}。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="535"/>
        <source>running</source>
        <translation>生成中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="535"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="567"/>
        <source>Removed from the queue: {0}</source>
        <translation>已从队列中移除：{0}</translation>
    </message>
</context>
<context>
    <name>TextPreview</name>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="83"/>
        <source>What will be spoken</source>
        <translation>将要朗读的内容</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="96"/>
        <source>The language of the script: decides how numbers are read in Latin-script text and whether Han characters are Chinese, Cantonese or Japanese</source>
        <translation>文稿的语言：决定拉丁字母文本中数字的读法，以及汉字按中文、粤语还是日文处理</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="100"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="102"/>
        <location filename="../../studio/ui/text_preview.py" line="307"/>
        <source>Pronunciation dictionary…</source>
        <translation>发音词典…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="105"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="113"/>
        <source>Segment, as it will be spoken (double-click to edit)</source>
        <translation>分段（即将朗读的样子，双击可编辑）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="127"/>
        <source>Undo edits</source>
        <translation>撤销编辑</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="129"/>
        <source>Speak these segments</source>
        <translation>朗读这些分段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="132"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="156"/>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="157"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="158"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="159"/>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="160"/>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="161"/>
        <source>Cantonese</source>
        <translation>粤语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="162"/>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="163"/>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="164"/>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="165"/>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="166"/>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="192"/>
        <source>The script changed; Refresh shows it again (your edits here are replaced).</source>
        <translation>文稿已更改；点击“刷新”重新显示（此处的编辑会被替换）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="207"/>
        <source>Convert mode speaks a recorded clip; there is no text to preview.</source>
        <translation>转换模式朗读的是录音片段，没有可预览的文本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="210"/>
        <source>Load a model first: the preview uses its tokenizer and normalizer.</source>
        <translation>请先加载模型：预览需要用到它的分词器和规范化器。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="213"/>
        <source>Type the script to see how it will be spoken.</source>
        <translation>输入文稿即可查看它将如何被朗读。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="228"/>
        <source>Normalizing…</source>
        <translation>正在规范化…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/text_preview.py" line="240"/>
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个分段</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="273"/>
        <source>There is nothing to speak: every segment is empty.</source>
        <translation>没有可朗读的内容：所有分段都是空的。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/text_preview.py" line="302"/>
        <source>Preview what will be spoken…</source>
        <translation>预览将要朗读的内容…</translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <location filename="../../studio/ui/views/token_view.py" line="100"/>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <location filename="../../studio/ui/views/token_view.py" line="101"/>
        <source>time (s), 25 tokens/s</source>
        <translation>时间（秒），每秒 25 个 token</translation>
    </message>
</context>
<context>
    <name>TranscriptAssistant</name>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="39"/>
        <location filename="../../studio/ui/transcribe_assist.py" line="405"/>
        <source>Transcribe</source>
        <translation>识别文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="40"/>
        <source>Fill the transcript with what a speech recognizer hears in the clip</source>
        <translation>用语音识别器听到的内容填写文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="192"/>
        <source>The transcript of {0} differs from what the recognizer hears in its clip (error rate {1:.0%}). Takes made with a wrong transcript babble or repeat words. Correct it under Transcript and press Save transcript, or make the take anyway.</source>
        <translation>{0} 的参考文本与识别器在其片段中听到的内容不一致（错误率 {1:.0%}）。参考文本错误时，合成结果会含糊不清或重复词语。请在“参考文本”中改正并点击“保存参考文本”，或仍然合成。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="196"/>
        <source>Make the take anyway</source>
        <translation>仍然合成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="209"/>
        <source>The transcript does not match the clip</source>
        <translation>文本与片段不符</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="161"/>
        <source>The transcript differs from what the recognizer hears (error rate {0:.0%}). Clones made with a wrong transcript babble or repeat words.</source>
        <translation>文本与识别器听到的内容不同（错误率 {0:.0%}）。文本错误会导致克隆语音含糊不清或重复字词。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="213"/>
        <source>Heard: {0}
Differs: {1}</source>
        <translation>识别结果：{0}
不同之处：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="164"/>
        <source>Use my transcript</source>
        <translation>使用我的文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="128"/>
        <source>The transcript looks too long for the {0:.1f} s clip (about {1:.0f} syllables, {2:.0f} a second; speech has at most about 9): is it the transcript of this clip?</source>
        <translation>对于 {0:.1f} 秒的片段，这段文本似乎太长（约 {1:.0f} 个音节，每秒 {2:.0f} 个；语音每秒最多约 9 个）：这是该片段的文本吗？</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="133"/>
        <source>The transcript looks too short for the {0:.1f} s clip (about {1:.0f} syllables): type every word that is said in it.</source>
        <translation>对于 {0:.1f} 秒的片段，这段文本似乎太短（约 {1:.0f} 个音节）：请输入片段中说出的每一个字词。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="137"/>
        <source>The transcript differs from what the recognizer hears ({0}): {1}</source>
        <translation>文本与识别器听到的内容不同（{0}）：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="141"/>
        <source>The transcript matches what the recognizer hears.</source>
        <translation>文本与识别器听到的内容一致。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="208"/>
        <source>Check the transcript</source>
        <translation>核对参考文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="216"/>
        <source>Let me fix it</source>
        <translation>我来修改</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="228"/>
        <source>“{0}” heard as “{1}”</source>
        <translation>“{0}”听成了“{1}”</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="230"/>
        <source>“{0}” not heard</source>
        <translation>没有听到“{0}”</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="232"/>
        <source>“{0}” heard but not typed</source>
        <translation>听到了“{0}”，但文本中没有</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="234"/>
        <source>{0} more</source>
        <translation>另有 {0} 处</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="235"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="256"/>
        <source>No speech recognizer is installed. Download one with File → Download a model… (Whisper small; SenseVoice-Small for Chinese, Cantonese, Japanese and Korean).</source>
        <translation>未安装语音识别器。请通过“文件 → 下载模型…”下载一个（Whisper small；中文、粤语、日语和韩语可用 SenseVoice-Small）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="280"/>
        <source>The recognizer is busy with an earlier job; transcribing with {0} after it…</source>
        <translation>语音识别器正在处理之前的任务；完成后再用 {0} 识别…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="285"/>
        <source>Transcribing with {0}…</source>
        <translation>正在用 {0} 识别…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="305"/>
        <location filename="../../studio/ui/transcribe_assist.py" line="318"/>
        <source>Transcription cancelled.</source>
        <translation>已取消识别。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="320"/>
        <source>Transcription failed: {0}</source>
        <translation>识别失败：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="334"/>
        <source>{0} recognizes English only, so what it heard was not put in the transcript: this clip may be in another language. Type what is said, or download SenseVoice-Small (Chinese, Cantonese, Japanese, Korean, English) with File → Download a model…. It heard: “{1}”.</source>
        <translation>{0} 只能识别英语，所以它听到的内容没有填入参考文本：这段音频可能是其他语言。请输入音频中说的话，或通过“文件 → 下载模型…”下载 SenseVoice-Small（中文、粤语、日语、韩语、英语）。它听到的是：“{1}”。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="340"/>
        <source>Use it anyway</source>
        <translation>仍然使用</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="374"/>
        <source>The recognizer heard no words in the clip.</source>
        <translation>识别器在片段中没有听到任何字词。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="370"/>
        <location filename="../../studio/ui/transcribe_assist.py" line="382"/>
        <source>Transcribed by {0}; check it before saving.</source>
        <translation>由 {0} 识别；保存前请检查。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="377"/>
        <source>Transcribed by {0}, which knows English only; check it before saving.</source>
        <translation>由 {0} 识别（它只懂英语）；保存前请检查。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="384"/>
        <source>Two recognizers agree ({0:.0%}).</source>
        <translation>两个识别器结果一致（{0:.0%}）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="388"/>
        <source>The recognizers disagree ({0:.0%}); check the transcript:</source>
        <translation>识别器结果不一致（{0:.0%}）；请检查文本：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/transcribe_assist.py" line="405"/>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <location filename="../../studio/ui/voice_dialog.py" line="65"/>
        <source>e.g. narration of my own videos</source>
        <translation>例如：为我自己的视频配旁白</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="68"/>
        <source>Given by</source>
        <translation>授权人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="69"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="70"/>
        <source>For what use</source>
        <translation>授权用途</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="71"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="73"/>
        <source>Without consent the voice is marked NO CONSENT RECORDED in lists and exports.</source>
        <translation>未记录授权同意的音色会在列表和导出文件中标记为 NO CONSENT RECORDED（未记录授权同意）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="77"/>
        <source>This is my own voice</source>
        <translation>这是我本人的声音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="81"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="82"/>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="83"/>
        <source>Language</source>
        <translation>语种</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="84"/>
        <source>Dialect or region</source>
        <translation>方言或地区</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="85"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="107"/>
        <source>myself</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="109"/>
        <source>my own projects</source>
        <translation>我自己的项目</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="139"/>
        <source>Give the voice a name.</source>
        <translation>请为音色命名。</translation>
    </message>
</context>
<context>
    <name>VoiceList</name>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="35"/>
        <source>Voices</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="39"/>
        <source>Search voices</source>
        <translation>搜索音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="48"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="49"/>
        <source>Play the voice&apos;s reference clip</source>
        <translation>播放该音色的参考音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="51"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="53"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="54"/>
        <source>Delete the voice (Ctrl+Z undoes it)</source>
        <translation>删除音色（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="114"/>
        <source>Speaker: {0}</source>
        <translation>说话人：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="118"/>
        <source>Language: {0} · dialect: {1}</source>
        <translation>语种：{0} · 方言：{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="123"/>
        <source>Consent: {0}</source>
        <translation>授权同意：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="124"/>
        <source>NO CONSENT RECORDED</source>
        <translation>未记录授权同意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="135"/>
        <source>Reference: {0:.1f} s of {1:.1f} s, {2:g} kHz, {3}</source>
        <translation>参考音频：使用 {0:.1f} 秒（共 {1:.1f} 秒），{2:g} kHz，{3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="142"/>
        <source>Transcript: {0}</source>
        <translation>参考文本：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="142"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="145"/>
        <source>Quality: {0}</source>
        <translation>质量：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="149"/>
        <source>Prepared prompt for {0}: {1} KB, {2}</source>
        <translation>已为 {0} 预处理的提示特征：{1} KB，{2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="154"/>
        <source>No prepared prompt yet (made on first use).</source>
        <translation>尚无预处理的提示特征（首次使用时生成）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="156"/>
        <source>Tags: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="206"/>
        <source>This voice has no reference clip to play.</source>
        <translation>此音色没有可播放的参考音频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="222"/>
        <source>Rename voice</source>
        <translation>重命名音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="222"/>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="230"/>
        <source>The voice could not be renamed: {0}</source>
        <translation>无法重命名音色：{0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="262"/>
        <source>Deleted the voice {0}; its takes are kept. Press Ctrl+Z to undo.</source>
        <translation>已删除音色 {0}；其版本已保留。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="264"/>
        <source>Deleted the voice {0} and its takes. Press Ctrl+Z to undo.</source>
        <translation>已删除音色 {0} 及其版本。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="275"/>
        <source>{0} (1 block)</source>
        <translation>{0}（1 段）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/voice_list.py" line="277"/>
        <source>{0} (%n blocks)</source>
        <translation>
            <numerusform>{0}（%n 段）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="282"/>
        <source>Projects use this voice: {0}. Their blocks will have no voice until you choose another (Project tab: Speaker voices… or Block voice…).</source>
        <translation>以下项目使用此音色：{0}。在你另选音色之前（项目页：说话人音色… 或 此段音色…），这些段落将没有音色。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="291"/>
        <location filename="../../studio/ui/voice_list.py" line="305"/>
        <source>Delete voice</source>
        <translation>删除音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="292"/>
        <source>Delete the voice {0}?</source>
        <translation>删除音色 {0}？</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="293"/>
        <source>Ctrl+Z undoes it until Voice Studio closes.</source>
        <translation>在 Voice Studio 关闭前，按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="294"/>
        <source>Delete the voice</source>
        <translation>删除音色</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/voice_list.py" line="306"/>
        <source>The voice {0} has %n take(s). What happens to them?</source>
        <translation>
            <numerusform>音色 {0} 有 %n 条版本。如何处理它们？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="310"/>
        <source>Ctrl+Z undoes either choice until Voice Studio closes.</source>
        <translation>在 Voice Studio 关闭前，按 Ctrl+Z 可撤销任一选择。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="312"/>
        <source>Delete the voice and its takes</source>
        <translation>删除音色及其版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="314"/>
        <source>Delete the voice, keep its takes</source>
        <translation>删除音色，保留其版本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="260"/>
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
