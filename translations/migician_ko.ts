<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>QObject</name>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5 (%)</translation>
    </message>
</context>
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
    <name>migician::annotate</name>
    <message>
        <source>%1 cases, %2 responses by %3 annotator(s), %4 skipped.</source>
        <translation>사례 %1개, 주석자 %3명의 응답 %2개, 건너뜀 %4개.</translation>
    </message>
    <message>
        <source>Active time per case: mean %1 s, median %2 s.</source>
        <translation>사례당 활성 시간: 평균 %1초, 중앙값 %2초.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5 (%)</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95% 구간</translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation>평균 IoU</translation>
    </message>
    <message>
        <source>average over tasks</source>
        <translation>작업 평균</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>모든 사례</translation>
    </message>
    <message>
        <source>Image-aware Acc@0.5 (a box in the wrong image is a miss): %1%.</source>
        <translation>이미지 인식 Acc@0.5 (잘못된 이미지의 상자는 실패로 계산): %1%.</translation>
    </message>
    <message>
        <source>Agreement between annotators: mean IoU %1, Acc@0.5 %2% over %3 comparisons.</source>
        <translation>주석자 간 일치도: 평균 IoU %1, Acc@0.5 %2% (비교 %3회).</translation>
    </message>
    <message>
        <source>Agreement between annotators: needs two annotators on common cases.</source>
        <translation>주석자 간 일치도: 공통 사례에 주석자 두 명이 필요합니다.</translation>
    </message>
    <message>
        <source>Model runs on the same cases</source>
        <translation>같은 사례에 대한 모델 실행</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Humans</source>
        <translation>사람</translation>
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
        <translation>
            <numerusform>%1이(가) %2 ms 만에 답변, 상자 %n개</numerusform>
        </translation>
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
    <name>migician::ui::BatchEvaluationWindow</name>
    <message>
        <source>Seeded random sample</source>
        <translation>시드 고정 무작위 표본</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 중지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Open in &amp;dashboard</source>
        <translation>대시보드에서 열기(&amp;D)</translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation>일괄 평가</translation>
    </message>
    <message>
        <source>MIG-Bench JSON file</source>
        <translation>MIG-Bench JSON 파일</translation>
    </message>
    <message>
        <source>Folder the bench&apos;s image paths are relative to</source>
        <translation>벤치 이미지 경로의 기준 폴더</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>모든 사례</translation>
    </message>
    <message>
        <source>%v of %m cases</source>
        <translation>%m개 중 %v개 사례</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>프로젝트:</translation>
    </message>
    <message>
        <source>Bench file:</source>
        <translation>벤치 파일:</translation>
    </message>
    <message>
        <source>Images root:</source>
        <translation>이미지 루트:</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>백엔드:</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>작업:</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>제한:</translation>
    </message>
    <message>
        <source>Results file:</source>
        <translation>결과 파일:</translation>
    </message>
    <message>
        <source>%1 cases selected, %2 already in the project, %3 to run</source>
        <translation>사례 %1개 선택, 프로젝트에 이미 %2개, 실행할 사례 %3개</translation>
    </message>
    <message>
        <source>Paused after %1 of %2 cases.</source>
        <translation>%2개 중 %1개 사례 후 일시 중지했습니다.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 중지됨</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 cases; start again to resume.</source>
        <translation>%2개 중 %1개 사례 후 취소했습니다. 다시 시작하면 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Finished: %1 predictions in %2; results in %3</source>
        <translation>완료: %2 동안 예측 %1개; 결과 파일 %3</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>No project open: open or create one first.</source>
        <translation>열린 프로젝트가 없습니다. 먼저 프로젝트를 열거나 만드세요.</translation>
    </message>
    <message>
        <source>Migician (%1, %2)</source>
        <translation>Migician (%1, %2)</translation>
    </message>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation>내장 도우미 (OpenCV)</translation>
    </message>
    <message>
        <source>%1 (%2 cases)</source>
        <translation>%1 (사례 %2개)</translation>
    </message>
    <message>
        <source>Open a project first: the predictions are stored in it.</source>
        <translation>먼저 프로젝트를 여세요. 예측은 프로젝트에 저장됩니다.</translation>
    </message>
    <message>
        <source>Choose a bench file, its images root and a results file.</source>
        <translation>벤치 파일, 이미지 루트, 결과 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Choose at least one task.</source>
        <translation>작업을 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <source>Starting %1 on %2</source>
        <translation>%2에서 %1 시작</translation>
    </message>
    <message>
        <source>Preparing (loading the backend and the project)...</source>
        <translation>준비 중 (백엔드와 프로젝트 불러오는 중)...</translation>
    </message>
    <message>
        <source>Pausing after the current case...</source>
        <translation>현재 사례 후 일시 중지합니다...</translation>
    </message>
    <message>
        <source>Resuming.</source>
        <translation>다시 시작합니다.</translation>
    </message>
    <message>
        <source>Cancelling after the current case...</source>
        <translation>현재 사례 후 취소합니다...</translation>
    </message>
    <message>
        <source>Cancelled; start again to resume where it stopped.</source>
        <translation>취소했습니다. 다시 시작하면 멈춘 곳부터 이어집니다.</translation>
    </message>
    <message>
        <source>ETA %1 (last case %2 s)</source>
        <translation>남은 시간 %1 (마지막 사례 %2초)</translation>
    </message>
    <message>
        <source>case %1 done in %2 s (%3/%4)</source>
        <translation>사례 %1 완료, %2초 (%3/%4)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>계속(&amp;R)</translation>
    </message>
    <message>
        <source>MIG-Bench file</source>
        <translation>MIG-Bench 파일</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Images root</source>
        <translation>이미지 루트</translation>
    </message>
    <message>
        <source>Results file</source>
        <translation>결과 파일</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
</context>
<context>
    <name>migician::ui::BatchEvaluationWorker</name>
    <message>
        <source>%1: the images root is not a folder</source>
        <translation>%1: 이미지 루트가 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>%1: no case of the chosen tasks</source>
        <translation>%1: 선택한 작업의 사례가 없습니다</translation>
    </message>
    <message>
        <source>There is no paused evaluation to resume.</source>
        <translation>다시 시작할 일시 중지된 평가가 없습니다.</translation>
    </message>
    <message>
        <source>%1: cannot write the results: %2</source>
        <translation>%1: 결과를 쓸 수 없습니다: %2</translation>
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
    <name>migician::ui::DashboardWindow</name>
    <message>
        <source>Run %1: %2</source>
        <translation>실행 %1: %2</translation>
    </message>
    <message>
        <source>Evaluation dashboard</source>
        <translation>평가 대시보드</translation>
    </message>
    <message>
        <source>Table 1 (Acc@0.5)</source>
        <translation>표 1 (Acc@0.5)</translation>
    </message>
    <message>
        <source>IoU histogram</source>
        <translation>IoU 히스토그램</translation>
    </message>
    <message>
        <source>Accuracy vs IoU threshold</source>
        <translation>IoU 임계값별 정확도</translation>
    </message>
    <message>
        <source>Latency per case</source>
        <translation>사례별 지연 시간</translation>
    </message>
    <message>
        <source>Humans vs model</source>
        <translation>사람 대 모델</translation>
    </message>
    <message>
        <source>Export plot...</source>
        <translation>그래프 내보내기...</translation>
    </message>
    <message>
        <source>Copy table as CSV</source>
        <translation>표를 CSV로 복사</translation>
    </message>
    <message>
        <source>Copy table as Markdown</source>
        <translation>표를 Markdown으로 복사</translation>
    </message>
    <message>
        <source>AVE</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>IoU with the ground truth</source>
        <translation>정답 상자와의 IoU</translation>
    </message>
    <message>
        <source>cases (%)</source>
        <translation>사례 (%)</translation>
    </message>
    <message>
        <source>IoU threshold</source>
        <translation>IoU 임계값</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>case</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>all cases, Acc@0.5 with 95% interval</source>
        <translation>모든 사례, Acc@0.5 및 95% 구간</translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5 (%)</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 이미지 (*.png);;PDF 문서 (*.pdf)</translation>
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
        <translation>
            <numerusform>케이스 %1/%2 | 이미지 %n장</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>스크린샷을 %1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>migician::ui::MoveBoxMenu</name>
    <message>
        <source>&amp;Move box to image</source>
        <translation>상자를 이미지로 이동(&amp;M)</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>이전 이미지</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>다음 이미지</translation>
    </message>
    <message>
        <source>Image-%1</source>
        <translation>Image-%1</translation>
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
        <source>The two images hardly overlap after alignment; no difference can be measured.</source>
        <translation>정렬 후 두 이미지가 거의 겹치지 않아 차이를 측정할 수 없습니다.</translation>
    </message>
    <message>
        <source>aligned by a homography from %1 ORB feature matches</source>
        <translation>ORB 특징 매칭 %1개로 구한 호모그래피로 정렬함</translation>
    </message>
    <message>
        <source>aligned by ECC (affine), feature matching failed</source>
        <translation>특징 매칭 실패, ECC(아핀)로 정렬함</translation>
    </message>
    <message>
        <source>alignment failed, the second image was only resized</source>
        <translation>정렬 실패, 두 번째 이미지는 크기만 조정함</translation>
    </message>
    <message>
        <source>not aligned, the second image was only resized</source>
        <translation>정렬하지 않음, 두 번째 이미지는 크기만 조정함</translation>
    </message>
    <message>
        <source>image difference, %1</source>
        <translation>이미지 차이, %1</translation>
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
        <source>Ask about the images, e.g. &quot;Where is the red cup in Image-2?&quot;</source>
        <translation>이미지에 대해 물어보세요. 예: &quot;Image-2에서 빨간 컵은 어디에 있나요?&quot;</translation>
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
        <source>Visual reference %1: refer to it as &quot;%1&quot; in the query. Click to remove.</source>
        <translation>시각 참조 %1: 질의에서 &quot;%1&quot;(으)로 가리키세요. 클릭하면 제거됩니다.</translation>
    </message>
</context>
<context>
    <name>migician::ui::ResearchWindows</name>
    <message>
        <source>&amp;Research</source>
        <translation>연구(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dashboard...</source>
        <translation>대시보드(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Review queue...</source>
        <translation>검토 대기열(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Study mode...</source>
        <translation>연구 모드(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Batch evaluation...</source>
        <translation>일괄 평가(&amp;B)...</translation>
    </message>
    <message>
        <source>Open a project first: studies live in a project.</source>
        <translation>먼저 프로젝트를 여세요. 연구는 프로젝트에 저장됩니다.</translation>
    </message>
</context>
<context>
    <name>migician::ui::ReviewQueueWindow</name>
    <message>
        <source>&amp;Previous</source>
        <translation>이전(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>다음(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Correct the model&apos;s box</source>
        <translation>모델 상자 수정(&amp;C)</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>검토 대기열</translation>
    </message>
    <message>
        <source>Model vs ground truth</source>
        <translation>모델 대 정답</translation>
    </message>
    <message>
        <source>Model vs human annotation</source>
        <translation>모델 대 사람 주석</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>비교:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>작업:</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>실행:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>IoU from:</source>
        <translation>IoU 범위:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Previous case in the queue (P)</source>
        <translation>대기열의 이전 사례 (P)</translation>
    </message>
    <message>
        <source>Next case in the queue (N)</source>
        <translation>대기열의 다음 사례 (N)</translation>
    </message>
    <message>
        <source>Put the model&apos;s box on the canvas to move or resize it; the change is saved as a correction (E)</source>
        <translation>모델 상자를 캔버스에 올려 이동하거나 크기를 바꿉니다. 변경은 수정으로 저장됩니다 (E)</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>모든 작업</translation>
    </message>
    <message>
        <source>Latest prediction of each case</source>
        <translation>사례별 최신 예측</translation>
    </message>
    <message>
        <source>Run %1: %2 (%3)</source>
        <translation>실행 %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Open a project to review its predictions.</source>
        <translation>예측을 검토하려면 프로젝트를 여세요.</translation>
    </message>
    <message>
        <source>#%1 (case %2)</source>
        <translation>#%1 (사례 %2)</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>사례 %1</translation>
    </message>
    <message>
        <source>no box</source>
        <translation>상자 없음</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>수정됨</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>검토 대기</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) to review</source>
        <translation>
            <numerusform>검토할 사례 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>The model gave no box for this case: draw one with the New box tool (W).</source>
        <translation>모델이 이 사례에 상자를 주지 않았습니다. 새 상자 도구(W)로 그리세요.</translation>
    </message>
    <message>
        <source>Press N (or Next) to open the first case.</source>
        <translation>N (또는 다음)을 눌러 첫 사례를 여세요.</translation>
    </message>
    <message>
        <source>%1 of %2 | IoU %3 | %4
Model answer: %5</source>
        <translation>%2개 중 %1번째 | IoU %3 | %4
모델 답변: %5</translation>
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
    <name>migician::ui::StudyCaseView</name>
    <message>
        <source>Image-%1</source>
        <translation>Image-%1</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyWindow</name>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Submit box</source>
        <translation>상자 제출</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Quit (resume later)</source>
        <translation>종료 (나중에 계속)</translation>
    </message>
    <message>
        <source>Study mode</source>
        <translation>연구 모드</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>주석자:</translation>
    </message>
    <message>
        <source>Study:</source>
        <translation>연구:</translation>
    </message>
    <message>
        <source>Drag a box on the image that holds the answer, then submit; or skip.</source>
        <translation>답이 있는 이미지에 상자를 드래그한 뒤 제출하거나 건너뛰세요.</translation>
    </message>
    <message>
        <source>%1 (assisted)</source>
        <translation>%1 (보조)</translation>
    </message>
    <message>
        <source>%1 (blind)</source>
        <translation>%1 (블라인드)</translation>
    </message>
    <message>
        <source>This project has no study yet.</source>
        <translation>이 프로젝트에는 아직 연구가 없습니다.</translation>
    </message>
    <message>
        <source>Enter your name first.</source>
        <translation>먼저 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Case %1 of %2 - annotator %3 - study %4</source>
        <translation>%2개 중 %1번째 사례 - 주석자 %3 - 연구 %4</translation>
    </message>
    <message>
        <source>Thank you, the study is done.</source>
        <translation>감사합니다. 연구가 끝났습니다.</translation>
    </message>
</context>
<context>
    <name>migician::ui::WorkbenchController</name>
    <message numerus="yes">
        <source>Case %1 (%n image(s))</source>
        <translation>
            <numerusform>케이스 %1 (이미지 %n장)</numerusform>
        </translation>
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
    <message>
        <source>Case %1 is not in the open project.</source>
        <translation>사례 %1이(가) 열린 프로젝트에 없습니다.</translation>
    </message>
</context>
</TS>
