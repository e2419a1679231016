<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>main</name>
    <message>
        <source>Free-form multi-image visual grounding.</source>
        <translation>자유 형식 다중 이미지 시각 그라운딩.</translation>
    </message>
    <message>
        <source>Render the main window to FILE.png and exit.</source>
        <translation>메인 창을 FILE.png로 렌더링하고 종료합니다.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1280x800.</source>
        <translation>창 크기, 예: 1280x800.</translation>
    </message>
    <message>
        <source>User interface language (en, zh_CN, ko).</source>
        <translation>사용자 인터페이스 언어 (en, zh_CN, ko).</translation>
    </message>
    <message>
        <source>Open the bundled demo case.</source>
        <translation>내장 데모 케이스를 엽니다.</translation>
    </message>
    <message>
        <source>Open or create this project file.</source>
        <translation>이 프로젝트 파일을 열거나 만듭니다.</translation>
    </message>
    <message>
        <source>Migician checkpoint folder (also MIGICIAN_MODEL_DIR).</source>
        <translation>Migician 체크포인트 폴더 (MIGICIAN_MODEL_DIR도 가능).</translation>
    </message>
</context>
<context>
    <name>migician::ui::AnswerPanel</name>
    <message>
        <source>Choose Migician checkpoint folder...</source>
        <translation>Migician 체크포인트 폴더 선택...</translation>
    </message>
    <message>
        <source>&lt;b&gt;Answer&lt;/b&gt;</source>
        <translation>&lt;b&gt;답변&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The answer appears here, token by token.</source>
        <translation>답변이 여기에 토큰 단위로 표시됩니다.</translation>
    </message>
    <message numerus="yes">
        <source>Answered by %1 in %2 ms, %n box(es)</source>
        <translation><numerusform>%1이(가) %2 ms 만에 답변, 상자 %n개</numerusform></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>migician::ui::BoxCommands</name>
    <message>
        <source>Create box</source>
        <translation>상자 만들기</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>상자 삭제</translation>
    </message>
    <message>
        <source>Move box to Image-%1</source>
        <translation>상자를 Image-%1(으)로 이동</translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>상자 이동</translation>
    </message>
    <message>
        <source>Accept box</source>
        <translation>상자 승인</translation>
    </message>
    <message>
        <source>Reject box</source>
        <translation>상자 거부</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseScene</name>
    <message>
        <source>Image-%1</source>
        <translation>Image-%1</translation>
    </message>
    <message>
        <source>(image could not be read)</source>
        <translation>(이미지를 읽을 수 없음)</translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation>정답</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseSession</name>
    <message>
        <source>No project is open.</source>
        <translation>열린 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>열린 케이스가 없습니다.</translation>
    </message>
</context>
<context>
    <name>migician::ui::DemoProject</name>
    <message>
        <source>%1: cannot create the demo folder</source>
        <translation>%1: 데모 폴더를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>%1: cannot copy the demo file to %2</source>
        <translation>%1: 데모 파일을 %2(으)로 복사할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>migician::ui::ExportDialog</name>
    <message>
        <source>%1: unknown export format</source>
        <translation>%1: 알 수 없는 내보내기 형식</translation>
    </message>
    <message>
        <source>Export project</source>
        <translation>프로젝트 내보내기</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>MIG-Bench JSON: one record per case with images, question and box.</source>
        <translation>MIG-Bench JSON: 케이스마다 이미지, 질문, 상자를 담은 레코드 하나.</translation>
    </message>
    <message>
        <source>COCO detection JSON: images, categories and boxes in pixels.</source>
        <translation>COCO 검출 JSON: 이미지, 카테고리, 픽셀 단위 상자.</translation>
    </message>
    <message>
        <source>CSV: one row per case, normalised and pixel corners.</source>
        <translation>CSV: 케이스마다 한 행, 정규화 좌표와 픽셀 좌표.</translation>
    </message>
    <message>
        <source>ODVG JSON lines for grounding training (GroundingDINO style).</source>
        <translation>그라운딩 학습용 ODVG JSON Lines (GroundingDINO 형식).</translation>
    </message>
    <message>
        <source>LLaMA-Factory ShareGPT JSON with Migician-format answers, for fine-tuning.</source>
        <translation>미세 조정용, Migician 형식 답변을 담은 LLaMA-Factory ShareGPT JSON.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>내보낼 위치</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>열린 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <source>Exported %1 case(s) to %2 (%3 from annotations, %4 from ground truth; skipped: %5 without a box, %6 without image size).</source>
        <translation>케이스 %1개를 %2(으)로 내보냈습니다 (주석에서 %3개, 정답에서 %4개; 건너뜀: 상자 없음 %5개, 이미지 크기 없음 %6개).</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>내보내기 실패: %1</translation>
    </message>
</context>
<context>
    <name>migician::ui::InferenceWorker</name>
    <message>
        <source>Out of memory while answering the query; try smaller images (max pixels in the settings) or another device.</source>
        <translation>질의에 답하는 중 메모리가 부족합니다. 더 작은 이미지(설정의 최대 픽셀)나 다른 장치를 사용해 보세요.</translation>
    </message>
    <message>
        <source>Inference failed: %1</source>
        <translation>추론 실패: %1</translation>
    </message>
    <message>
        <source>Inference failed with an unknown error.</source>
        <translation>알 수 없는 오류로 추론에 실패했습니다.</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>매칭 중</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>%1 불러오는 중</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>모델을 불러왔습니다</translation>
    </message>
</context>
<context>
    <name>migician::ui::MainWindow</name>
    <message>
        <source>Migician Workbench</source>
        <translation>Migician 워크벤치</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation>프로젝트 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>Open image &amp;folder...</source>
        <translation>이미지 폴더 열기(&amp;F)...</translation>
    </message>
    <message>
        <source>Open &amp;demo</source>
        <translation>데모 열기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>내보내기(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>설정(&amp;S)...</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>캔버스</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>창에 맞춤</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>New box (W)</source>
        <translation>새 상자 (W)</translation>
    </message>
    <message>
        <source>Crop (C)</source>
        <translation>자르기 (C)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>거부</translation>
    </message>
    <message>
        <source>Previous case</source>
        <translation>이전 케이스</translation>
    </message>
    <message>
        <source>Next case</source>
        <translation>다음 케이스</translation>
    </message>
    <message>
        <source>Run query</source>
        <translation>질의 실행</translation>
    </message>
    <message>
        <source>Prompt sent to the model</source>
        <translation>모델에 보내는 프롬프트</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <source>Migician projects (*.migician);;All files (*)</source>
        <translation>Migician 프로젝트 (*.migician);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open image folder</source>
        <translation>이미지 폴더 열기</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>먼저 프로젝트를 여세요.</translation>
    </message>
    <message>
        <source>Choose the Migician checkpoint folder</source>
        <translation>Migician 체크포인트 폴더 선택</translation>
    </message>
    <message>
        <source>%1 is not a usable Migician checkpoint:
%2</source>
        <translation>%1은(는) 사용할 수 있는 Migician 체크포인트가 아닙니다:
%2</translation>
    </message>
    <message>
        <source>Backend: built-in assistant (OpenCV) | no Migician checkpoint</source>
        <translation>백엔드: 내장 도우미 (OpenCV) | Migician 체크포인트 없음</translation>
    </message>
    <message>
        <source>Backend: Migician | device %1 | %2 | model %3</source>
        <translation>백엔드: Migician | 장치 %1 | %2 | 모델 %3</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>열린 케이스 없음</translation>
    </message>
    <message numerus="yes">
        <source>Case %1 of %2 | %n image(s)</source>
        <translation><numerusform>케이스 %1/%2 | 이미지 %n장</numerusform></translation>
    </message>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>스크린샷을 %1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>migician::ui::OpenCvAssistant</name>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation>내장 도우미 (OpenCV)</translation>
    </message>
    <message>
        <source>This question needs the Migician model. The built-in assistant can only find a cropped visual reference in the other images, or the difference between two images. Choose a Migician checkpoint folder to answer free-form questions.</source>
        <translation>이 질문에는 Migician 모델이 필요합니다. 내장 도우미는 잘라낸 시각 참조를 다른 이미지에서 찾거나 두 이미지의 차이를 찾는 것만 할 수 있습니다. 자유 형식 질문에 답하려면 Migician 체크포인트 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>The visual reference is empty or too small to search for.</source>
        <translation>시각 참조가 비어 있거나 너무 작아 검색할 수 없습니다.</translation>
    </message>
    <message>
        <source>No other image to search in.</source>
        <translation>검색할 다른 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>template matching, best score %1</source>
        <translation>템플릿 매칭, 최고 점수 %1</translation>
    </message>
    <message>
        <source>One of the two images is empty.</source>
        <translation>두 이미지 중 하나가 비어 있습니다.</translation>
    </message>
    <message>
        <source>The two images look the same.</source>
        <translation>두 이미지가 같아 보입니다.</translation>
    </message>
    <message>
        <source>No changed region found.</source>
        <translation>변경된 영역을 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>image difference</source>
        <translation>이미지 차이</translation>
    </message>
</context>
<context>
    <name>migician::ui::QueryPanel</name>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>&lt;b&gt;Query&lt;/b&gt;</source>
        <translation>&lt;b&gt;질의&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Ask about the images, e.g. "Where is the red cup in Image-2?"</source>
        <translation>이미지에 대해 물어보세요. 예: "Image-2에서 빨간 컵은 어디에 있나요?"</translation>
    </message>
    <message>
        <source>Mark phrase</source>
        <translation>구문 표시</translation>
    </message>
    <message>
        <source>Wrap the selected words in &lt;|object_ref_start|&gt; ... &lt;|object_ref_end|&gt;</source>
        <translation>선택한 단어를 &lt;|object_ref_start|&gt; ... &lt;|object_ref_end|&gt;로 감쌉니다</translation>
    </message>
    <message>
        <source>Crop reference</source>
        <translation>참조 자르기</translation>
    </message>
    <message>
        <source>Drag a rectangle on any image: the crop becomes an extra input image (C)</source>
        <translation>아무 이미지에서나 사각형을 드래그하세요. 잘라낸 부분이 추가 입력 이미지가 됩니다 (C)</translation>
    </message>
    <message>
        <source>Show prompt</source>
        <translation>프롬프트 보기</translation>
    </message>
    <message>
        <source>No visual reference. Use the crop tool to add one.</source>
        <translation>시각 참조가 없습니다. 자르기 도구로 추가하세요.</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Return)</source>
        <translation>질의 실행 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Visual reference %1: refer to it as "%1" in the query. Click to remove.</source>
        <translation>시각 참조 %1: 질의에서 "%1"(으)로 가리키세요. 클릭하면 제거됩니다.</translation>
    </message>
</context>
<context>
    <name>migician::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>empty: built-in assistant only</source>
        <translation>비워 두면: 내장 도우미만 사용</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Migician checkpoint folder:</source>
        <translation>Migician 체크포인트 폴더:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>정밀도:</translation>
    </message>
    <message>
        <source> x 28x28 px</source>
        <translation> × 28×28 픽셀</translation>
    </message>
    <message>
        <source>Min pixels per image:</source>
        <translation>이미지당 최소 픽셀:</translation>
    </message>
    <message>
        <source>Max pixels per image:</source>
        <translation>이미지당 최대 픽셀:</translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation>최대 생성 토큰 수:</translation>
    </message>
    <message>
        <source>Author name:</source>
        <translation>작성자 이름:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Language (after restart):</source>
        <translation>언어 (재시작 후 적용):</translation>
    </message>
    <message>
        <source>Choose the Migician checkpoint folder</source>
        <translation>Migician 체크포인트 폴더 선택</translation>
    </message>
    <message>
        <source>No checkpoint: the built-in assistant (OpenCV) answers.</source>
        <translation>체크포인트 없음: 내장 도우미 (OpenCV)가 답합니다.</translation>
    </message>
    <message>
        <source>The folder looks like a usable checkpoint.</source>
        <translation>사용할 수 있는 체크포인트로 보입니다.</translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>사용할 수 없음: %1</translation>
    </message>
</context>
<context>
    <name>migician::ui::WorkbenchController</name>
    <message numerus="yes">
        <source>Case %1 (%n image(s))</source>
        <translation><numerusform>케이스 %1 (이미지 %n장)</numerusform></translation>
    </message>
    <message>
        <source>%1: not a folder</source>
        <translation>%1: 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>No case %1 in this project.</source>
        <translation>이 프로젝트에 케이스 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Image-%1</source>
        <translation>Image-%1</translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation>먼저 케이스를 여세요.</translation>
    </message>
    <message>
        <source>Type a query or crop a visual reference first.</source>
        <translation>먼저 질의를 입력하거나 시각 참조를 잘라내세요.</translation>
    </message>
    <message>
        <source>A query is still running.</source>
        <translation>질의가 아직 실행 중입니다.</translation>
    </message>
</context>
</TS>