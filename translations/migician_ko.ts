<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>QObject</name>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5 (%)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1시간</translation>
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
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5 (%)</translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation>평균 IoU</translation>
    </message>
    <message>
        <source>Agreement between annotators: needs two annotators on common cases.</source>
        <translation>주석자 간 일치도: 공통 사례에 주석자 두 명이 필요합니다.</translation>
    </message>
    <message>
        <source>The project has no cases to sample.</source>
        <translation>프로젝트에 표본으로 뽑을 사례가 없습니다.</translation>
    </message>
    <message>
        <source>Give the number of cases per task (at least 1).</source>
        <translation>작업당 사례 수를 지정하세요 (1 이상).</translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has no case in this project.</source>
        <translation>이 프로젝트에 작업 &apos;%1&apos;의 사례가 없습니다.</translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has no case with ground truth: nothing to score the answers against.</source>
        <translation>작업 &apos;%1&apos;에 정답이 있는 사례가 없습니다. 답변을 채점할 기준이 없습니다.</translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has only %2 case(s) with ground truth, fewer than the %3 asked for.</source>
        <translation>작업 &apos;%1&apos;에 정답이 있는 사례가 %2개뿐이라 요청한 %3개보다 적습니다.</translation>
    </message>
    <message>
        <source>Task &apos;%1&apos;: %2 case(s) without ground truth are left out.</source>
        <translation>작업 &apos;%1&apos;: 정답이 없는 사례 %2개는 제외됩니다.</translation>
    </message>
    <message>
        <source>Fraction %1 of task &apos;%2&apos; is not in 0..1.</source>
        <translation>작업 &apos;%2&apos;의 비율 %1이(가) 0..1 범위를 벗어났습니다.</translation>
    </message>
    <message>
        <source>Annotator &apos;%1&apos; is listed twice.</source>
        <translation>주석자 &apos;%1&apos;이(가) 두 번 나열되었습니다.</translation>
    </message>
    <message>
        <source>The overlap (annotators per case) must be between 1 and the number of annotators (%1), not %2.</source>
        <translation>중복 수(사례당 주석자 수)는 %2이(가) 아니라 1에서 주석자 수(%1) 사이여야 합니다.</translation>
    </message>
    <message>
        <source>An assisted study shows the boxes of an evaluation run: choose one.</source>
        <translation>보조 연구는 평가 실행의 상자를 보여 줍니다. 실행을 하나 선택하세요.</translation>
    </message>
    <message>
        <source>The project has no run #%1.</source>
        <translation>프로젝트에 실행 #%1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Run #%1 has no prediction for %2 of the sampled cases: they are shown without a suggestion.</source>
        <translation>실행 #%1에는 표본 사례 중 %2개에 대한 예측이 없습니다. 해당 사례는 제안 없이 표시됩니다.</translation>
    </message>
    <message>
        <source>A study needs a name.</source>
        <translation>연구에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>The project already has a study named &apos;%1&apos;.</source>
        <translation>프로젝트에 이미 &apos;%1&apos;(이)라는 연구가 있습니다.</translation>
    </message>
    <message>
        <source>Spontaneous grounding: %1.</source>
        <translation>자발적 그라운딩: %1.</translation>
    </message>
    <message>
        <source>Referential grounding: %1.</source>
        <translation>참조 그라운딩: %1.</translation>
    </message>
    <message>
        <source>Other tasks: %1.</source>
        <translation>기타 작업: %1.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Acc@0.5 (%), MIG-Bench Table 1 layout. </source>
        <translation>Acc@0.5 (%), MIG-Bench 표 1 형식. </translation>
    </message>
    <message>
        <source>AVE</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>95% Wilson intervals of Acc@0.5 (%), and n</source>
        <translation>Acc@0.5 (%)의 95% Wilson 구간 및 n</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>모든 사례</translation>
    </message>
    <message>
        <source>Per row, over all its cases (a skipped case counts as a miss)</source>
        <translation>행별, 해당 행의 모든 사례 기준 (건너뛴 사례는 실패로 계산)</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>배정</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>skip rate (%)</source>
        <translation>건너뜀 비율 (%)</translation>
    </message>
    <message>
        <source>median s/case</source>
        <translation>사례당 중앙값 (초)</translation>
    </message>
    <message>
        <source>Acc@0.3</source>
        <translation>Acc@0.3</translation>
    </message>
    <message>
        <source>Acc@0.5</source>
        <translation>Acc@0.5</translation>
    </message>
    <message>
        <source>Acc@0.7</source>
        <translation>Acc@0.7</translation>
    </message>
    <message>
        <source>Per task</source>
        <translation>작업별</translation>
    </message>
    <message>
        <source>Acc@0.5 [95%]</source>
        <translation>Acc@0.5 [95%]</translation>
    </message>
    <message>
        <source>Agreement between annotators on the cases both answered</source>
        <translation>두 주석자가 모두 답한 사례에서의 주석자 간 일치도</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>주석자</translation>
    </message>
    <message>
        <source>common cases</source>
        <translation>공통 사례</translation>
    </message>
    <message>
        <source>Study &quot;%1&quot;: %2, %3 cases</source>
        <translation>연구 &quot;%1&quot;: %2, 사례 %3개</translation>
    </message>
    <message>
        <source> (%1 per task)</source>
        <translation> (작업당 %1개)</translation>
    </message>
    <message>
        <source>, seed %1</source>
        <translation>, 시드 %1</translation>
    </message>
    <message>
        <source>, suggestions of run #%1</source>
        <translation>, 실행 #%1의 제안</translation>
    </message>
    <message>
        <source>, annotators %1 with %2 per case</source>
        <translation>, 주석자 %1, 사례당 %2명</translation>
    </message>
    <message>
        <source>Human (all annotators)</source>
        <translation>사람 (모든 주석자)</translation>
    </message>
    <message>
        <source>Run #%1 (%2)</source>
        <translation>실행 #%1 (%2)</translation>
    </message>
    <message>
        <source>%1 responses, %2 skipped (skip rate %3%); median active time per case %4 s.</source>
        <translation>응답 %1개, 건너뜀 %2개 (건너뜀 비율 %3%); 사례당 실제 작업 시간 중앙값 %4초.</translation>
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
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Automatic (the checkpoint&apos;s dtype)</source>
        <translation>자동 (체크포인트의 dtype)</translation>
    </message>
    <message>
        <source>Official MIG-Bench protocol: every image, then the question with the format suffix; the checkpoint&apos;s generation settings; at most 128 new tokens; images at their native size (within the qwen-vl-utils limits).</source>
        <translation>공식 MIG-Bench 프로토콜: 모든 이미지 다음에 형식 접미사가 붙은 질문, 체크포인트의 생성 설정, 새 토큰 최대 128개, 원래 크기의 이미지 (qwen-vl-utils 한도 내).</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>정밀도:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <source>http://gpu1:8000 http://gpu2:8000</source>
        <translation>http://gpu1:8000 http://gpu2:8000</translation>
    </message>
    <message>
        <source>Servers of the same model, separated by spaces; a case that fails on one is tried on another.</source>
        <translation>같은 모델을 제공하는 서버들을 공백으로 구분해 입력합니다. 한 서버에서 실패한 사례는 다른 서버에서 시도합니다.</translation>
    </message>
    <message>
        <source>Requests in flight per endpoint:</source>
        <translation>엔드포인트당 동시 요청 수:</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>엔드포인트:</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>프로토콜:</translation>
    </message>
    <message>
        <source>Backend ready (%1).</source>
        <translation>백엔드 준비됨 (%1).</translation>
    </message>
    <message>
        <source>case %1 failed (not scored; retried when the run is started again): %2</source>
        <translation>사례 %1 실패 (채점 안 함, 실행을 다시 시작하면 재시도): %2</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) failed and are not scored; start the run again to retry them.</source>
        <translation>
            <numerusform>사례 %n개가 실패해 채점되지 않았습니다. 실행을 다시 시작하면 재시도합니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished, %n case(s) failed</source>
        <translation>
            <numerusform>완료됨, 사례 %n개 실패</numerusform>
        </translation>
    </message>
    <message>
        <source>Migician (%1)</source>
        <translation>Migician (%1)</translation>
    </message>
    <message>
        <source>Remote endpoints</source>
        <translation>원격 엔드포인트</translation>
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
    <message>
        <source>Endpoint left out: %1</source>
        <translation>제외된 엔드포인트: %1</translation>
    </message>
    <message>
        <source>official MIG-Bench protocol</source>
        <translation>공식 MIG-Bench 프로토콜</translation>
    </message>
    <message>
        <source>deviating from the official protocol: %1</source>
        <translation>공식 프로토콜과 다름: %1</translation>
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
    <name>migician::ui::CaseCanvas</name>
    <message>
        <source>Move Image-%1 left</source>
        <translation>Image-%1을(를) 왼쪽으로 이동</translation>
    </message>
    <message>
        <source>Move Image-%1 right</source>
        <translation>Image-%1을(를) 오른쪽으로 이동</translation>
    </message>
    <message>
        <source>Remove Image-%1 from the case</source>
        <translation>케이스에서 Image-%1 제거</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseComposition</name>
    <message>
        <source>Open a project or an image folder first.</source>
        <translation>먼저 프로젝트나 이미지 폴더를 여세요.</translation>
    </message>
    <message>
        <source>No image files to make a case of.</source>
        <translation>케이스로 만들 이미지 파일이 없습니다.</translation>
    </message>
    <message>
        <source>Select the images (or cases) to make a case of first.</source>
        <translation>먼저 케이스로 만들 이미지(또는 케이스)를 선택하세요.</translation>
    </message>
    <message>
        <source>No image files to add.</source>
        <translation>추가할 이미지 파일이 없습니다.</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>클립보드에 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>%1: cannot create the project&apos;s media folder</source>
        <translation>%1: 프로젝트의 미디어 폴더를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>%1: cannot write the pasted image</source>
        <translation>%1: 붙여넣은 이미지를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>No image %1 to move to %2.</source>
        <translation>%2(으)로 이동할 이미지 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>No Image-%1 to remove.</source>
        <translation>제거할 Image-%1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>A case keeps at least one image.</source>
        <translation>케이스에는 이미지가 하나 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>Still reading the images of the last new case.</source>
        <translation>직전 새 케이스의 이미지를 아직 읽는 중입니다.</translation>
    </message>
    <message>
        <source>%1 was closed before the new case&apos;s images were read; the case was not made.</source>
        <translation>새 케이스의 이미지를 다 읽기 전에 %1이(가) 닫혀 케이스를 만들지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseImageCommands</name>
    <message>
        <source>Add image</source>
        <translation>이미지 추가</translation>
    </message>
    <message>
        <source>Add %1 images</source>
        <translation>이미지 %1장 추가</translation>
    </message>
    <message>
        <source>Remove Image-%1</source>
        <translation>Image-%1 제거</translation>
    </message>
    <message>
        <source>Move Image-%1 to %2</source>
        <translation>Image-%1을(를) %2(으)로 이동</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseListView</name>
    <message>
        <source>Ctrl/Shift+click or drag a rectangle to select several, then Ctrl+N makes one case of them; drop image files or folders here to make a case of them</source>
        <translation>Ctrl/Shift+클릭하거나 사각형을 드래그해 여러 개를 선택한 뒤 Ctrl+N을 누르면 하나의 케이스로 만듭니다. 이미지 파일이나 폴더를 여기에 놓으면 케이스로 만들 수 있습니다</translation>
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
    <message>
        <source>Drag onto another image to move Image-%1 there</source>
        <translation>다른 이미지 위로 드래그하면 Image-%1을(를) 그 위치로 옮깁니다</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>실행 %1</translation>
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
    <message>
        <source>Already in the case, not added again: %1</source>
        <translation>이미 케이스에 있어 다시 추가하지 않음: %1</translation>
    </message>
</context>
<context>
    <name>migician::ui::CompositionActions</name>
    <message>
        <source>&amp;New case from selection</source>
        <translation>선택 항목으로 새 케이스(&amp;N)</translation>
    </message>
    <message>
        <source>New case from selection (file order)</source>
        <translation>선택 항목으로 새 케이스 (파일 순서)</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>이미지 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Move image &amp;left</source>
        <translation>이미지를 왼쪽으로 이동(&amp;L)</translation>
    </message>
    <message>
        <source>Move image &amp;right</source>
        <translation>이미지를 오른쪽으로 이동(&amp;R)</translation>
    </message>
    <message>
        <source>Remove image from case</source>
        <translation>케이스에서 이미지 제거</translation>
    </message>
    <message>
        <source>One case of the selected images, in the order they were selected</source>
        <translation>선택한 이미지를 선택한 순서대로 하나의 케이스로 만듭니다</translation>
    </message>
    <message>
        <source>The query names images that moved: %1.</source>
        <translation>질의에서 언급한 이미지가 이동되었습니다: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n visual reference(s) of that run were cut from images no longer in the case.</source>
        <translation>
            <numerusform>해당 실행의 시각 참조 %n개는 더 이상 케이스에 없는 이미지에서 잘라낸 것입니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n image(s) for the new case...</source>
        <translation>
            <numerusform>새 케이스의 이미지 %n개를 읽는 중...</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>새 케이스</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
    <name>migician::ui::GroundingBackend</name>
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
    <name>migician::ui::HistoryPanel</name>
    <message>
        <source>Re-run</source>
        <translation>재실행</translation>
    </message>
    <message>
        <source>Copy to query</source>
        <translation>질의로 복사</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;기록&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a run to see its answer and show its boxes again.</source>
        <translation>실행을 선택하면 답변을 보고 상자를 다시 표시할 수 있습니다.</translation>
    </message>
    <message>
        <source>Run the selected entry&apos;s query and references again</source>
        <translation>선택한 항목의 질의와 참조를 다시 실행합니다</translation>
    </message>
    <message>
        <source>Put the selected entry&apos;s query and references into the query box</source>
        <translation>선택한 항목의 질의와 참조를 질의 입력란에 넣습니다</translation>
    </message>
    <message>
        <source>Run %1 by %2, %3 (%4)</source>
        <translation>실행 %1, 작성자 %2, %3 (%4)</translation>
    </message>
    <message>
        <source>Backend: %1 %2</source>
        <translation>백엔드: %1 %2</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>설정: %1</translation>
    </message>
    <message>
        <source>total %1 ms</source>
        <translation>전체 %1 ms</translation>
    </message>
    <message>
        <source>first text %1 ms</source>
        <translation>첫 텍스트 %1 ms</translation>
    </message>
    <message>
        <source>backend %1 ms</source>
        <translation>백엔드 %1 ms</translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation>소요 시간: %1</translation>
    </message>
    <message>
        <source>Reference: crop of Image-%1 (%2, %3)-(%4, %5)</source>
        <translation>참조: Image-%1에서 잘라낸 영역 (%2, %3)-(%4, %5)</translation>
    </message>
    <message>
        <source>Reference: crop of an image no longer in the case</source>
        <translation>참조: 더 이상 케이스에 없는 이미지에서 잘라냄</translation>
    </message>
    <message>
        <source>Query: %1</source>
        <translation>질의: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>답변: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>실행 %n회</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 | %n box(es) of earlier runs hidden</source>
        <translation>
            <numerusform>%1 | 이전 실행의 상자 %n개 숨김</numerusform>
        </translation>
    </message>
    <message>
        <source>The canvas shows the latest answer only; select an earlier run to see its boxes</source>
        <translation>캔버스에는 최신 답변만 표시됩니다. 이전 실행을 선택하면 그 상자를 볼 수 있습니다</translation>
    </message>
</context>
<context>
    <name>migician::ui::ImageNames</name>
    <message>
        <source>Image-%1 is now Image-%2</source>
        <translation>Image-%1은(는) 이제 Image-%2입니다</translation>
    </message>
    <message>
        <source>Image-%1 is no longer in the case</source>
        <translation>Image-%1은(는) 더 이상 케이스에 없습니다</translation>
    </message>
</context>
<context>
    <name>migician::ui::ImageWarningBar</name>
    <message>
        <source>Use the files as they are</source>
        <translation>현재 파일 그대로 사용</translation>
    </message>
    <message>
        <source>Record the changed files&apos; current content as the project&apos;s images</source>
        <translation>변경된 파일의 현재 내용을 프로젝트의 이미지로 기록합니다</translation>
    </message>
    <message>
        <source>Image-%1 (%2) is missing: the file was moved, renamed or deleted.</source>
        <translation>Image-%1 (%2)이(가) 없습니다. 파일이 이동, 이름 변경 또는 삭제되었습니다.</translation>
    </message>
    <message>
        <source>Image-%1 (%2) changed on disk since it was added to the project (its content differs): boxes may no longer fit.</source>
        <translation>Image-%1 (%2)이(가) 프로젝트에 추가된 후 디스크에서 변경되었습니다 (내용이 다름). 상자가 더 이상 맞지 않을 수 있습니다.</translation>
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
        <source>The remote endpoint did not answer: %1</source>
        <translation>원격 엔드포인트가 응답하지 않았습니다: %1</translation>
    </message>
    <message>
        <source>server busy (%1); try %2 in %3 s</source>
        <translation>서버 사용 중 (%1). %3초 후 %2번째 시도</translation>
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
    <message>
        <source>New pro&amp;ject...</source>
        <translation>새 프로젝트(&amp;J)...</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>새 프로젝트</translation>
    </message>
    <message>
        <source>Migician projects (*.migician)</source>
        <translation>Migician 프로젝트 (*.migician)</translation>
    </message>
    <message>
        <source>Backend: built-in assistant (OpenCV)</source>
        <translation>백엔드: 내장 도우미 (OpenCV)</translation>
    </message>
    <message>
        <source>Backend: remote endpoint %1 | model %2</source>
        <translation>백엔드: 원격 엔드포인트 %1 | 모델 %2</translation>
    </message>
    <message>
        <source>(the server&apos;s first)</source>
        <translation>(서버의 첫 번째 모델)</translation>
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
    <name>migician::ui::NewStudyDialog</name>
    <message>
        <source>Blind: no model boxes</source>
        <translation>블라인드: 모델 상자 없음</translation>
    </message>
    <message>
        <source>Assisted: the boxes of a run as suggestions</source>
        <translation>보조: 실행의 상자를 제안으로 표시</translation>
    </message>
    <message>
        <source>New study</source>
        <translation>새 연구</translation>
    </message>
    <message>
        <source>e.g. human baseline, spring</source>
        <translation>예: 사람 기준선, 봄</translation>
    </message>
    <message>
        <source>The same seed draws the same cases and the same order.</source>
        <translation>같은 시드는 같은 사례를 같은 순서로 뽑습니다.</translation>
    </message>
    <message>
        <source>names separated by commas; empty = anyone who starts</source>
        <translation>쉼표로 구분한 이름. 비워 두면 시작하는 누구나</translation>
    </message>
    <message>
        <source>How many annotators see each case; 2 or more measures agreement.</source>
        <translation>각 사례를 볼 주석자 수. 2명 이상이면 일치도를 측정합니다.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Cases per task:</source>
        <translation>작업당 사례 수:</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>작업:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>조건:</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>주석자:</translation>
    </message>
    <message>
        <source>Annotators per case:</source>
        <translation>사례당 주석자 수:</translation>
    </message>
    <message>
        <source>Create study</source>
        <translation>연구 만들기</translation>
    </message>
    <message>
        <source>%1 (%2): %3 cases with ground truth</source>
        <translation>%1 (%2): 정답이 있는 사례 %3개</translation>
    </message>
    <message>
        <source>#%1 %2, %3</source>
        <translation>#%1 %2, %3</translation>
    </message>
    <message>
        <source>(no run with predictions in this project)</source>
        <translation>(이 프로젝트에 예측이 있는 실행이 없음)</translation>
    </message>
    <message>
        <source>Tick at least one task.</source>
        <translation>작업을 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <source>%1 cases: %2 per task over %3 task(s).</source>
        <translation>사례 %1개: 작업 %3개, 작업당 %2개.</translation>
    </message>
    <message>
        <source>, about %1</source>
        <translation>, 약 %1</translation>
    </message>
    <message>
        <source>Open study: every annotator who starts gets all %1 cases%2.</source>
        <translation>공개 연구: 시작하는 모든 주석자가 전체 사례를 받습니다: %1개%2.</translation>
    </message>
    <message>
        <source>%1: %2 cases%3</source>
        <translation>%1: 사례 %2개%3</translation>
    </message>
    <message>
        <source>Cases per annotator (each case seen by %1): %2.</source>
        <translation>주석자별 사례 (사례마다 %1명이 봄): %2.</translation>
    </message>
    <message>
        <source>Time estimated from the pilot timings: median %1 s per case over %2 earlier responses in this project.</source>
        <translation>파일럿 시간 측정으로 추정한 시간: 이 프로젝트의 이전 응답 %2개 기준 사례당 중앙값 %1초.</translation>
    </message>
    <message>
        <source>No pilot timings yet: run a small pilot study first for a time estimate.</source>
        <translation>아직 파일럿 시간 측정이 없습니다. 시간을 추정하려면 먼저 소규모 파일럿 연구를 진행하세요.</translation>
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
    <name>migician::ui::OpenFolderDialog</name>
    <message>
        <source>Open image folder</source>
        <translation>이미지 폴더 열기</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>폴더:</translation>
    </message>
    <message>
        <source>One case per image (compose cases from them later)</source>
        <translation>이미지마다 케이스 하나 (나중에 케이스로 조합)</translation>
    </message>
    <message>
        <source>One case per subfolder</source>
        <translation>하위 폴더마다 케이스 하나</translation>
    </message>
    <message>
        <source>One case of all images</source>
        <translation>모든 이미지로 케이스 하나</translation>
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
    <message>
        <source>Update the query</source>
        <translation>질의 업데이트</translation>
    </message>
    <message>
        <source>Rename the query&apos;s Image-k names to the images&apos; new numbers</source>
        <translation>질의의 Image-k 이름을 이미지의 새 번호로 바꿉니다</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation>속도 측정</translation>
    </message>
    <message>
        <source>Run a short calibration query with the model, so estimates use this machine&apos;s measured speed</source>
        <translation>모델로 짧은 보정 질의를 실행해 이 컴퓨터에서 측정한 속도로 추정합니다</translation>
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
    <message>
        <source>&amp;New study...</source>
        <translation>새 연구(&amp;N)...</translation>
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
    <name>migician::ui::RunConfirmDialog</name>
    <message>
        <source>This run may not fit in memory</source>
        <translation>이 실행은 메모리에 맞지 않을 수 있습니다</translation>
    </message>
    <message>
        <source>This run may take long</source>
        <translation>이 실행은 오래 걸릴 수 있습니다</translation>
    </message>
    <message>
        <source>It needs about %1 more memory, and %2 is free.</source>
        <translation>메모리가 약 %1 더 필요한데, 여유 메모리는 %2입니다.</translation>
    </message>
    <message>
        <source>It is estimated to take %1, more than the %2 you allow without asking.</source>
        <translation>예상 소요 시간은 %1로, 묻지 않고 허용하는 %2보다 깁니다.</translation>
    </message>
    <message>
        <source>No run has been measured on this machine yet: the time is a rough estimate from the token counts (Measure speed makes it exact).</source>
        <translation>이 컴퓨터에서 아직 측정한 실행이 없습니다. 시간은 토큰 수로 구한 대략적인 추정치입니다 (속도 측정을 하면 정확해집니다).</translation>
    </message>
    <message>
        <source>Use max %1 x 28x28 px per image (%2 tokens, ~%3)</source>
        <translation>이미지당 최대 %1 × 28×28 픽셀 사용 (토큰 %2개, ~%3)</translation>
    </message>
    <message>
        <source>Changes the pixel limit in the settings and runs; fewer image tokens, coarser images</source>
        <translation>설정의 픽셀 한도를 바꾸고 실행합니다. 이미지 토큰이 줄고 이미지가 거칠어집니다</translation>
    </message>
    <message>
        <source>No pixel limit brings this run under the threshold.</source>
        <translation>어떤 픽셀 한도로도 이 실행을 임계값 아래로 낮출 수 없습니다.</translation>
    </message>
    <message>
        <source>Run on %1</source>
        <translation>%1에서 실행</translation>
    </message>
    <message>
        <source>Run anyway</source>
        <translation>그래도 실행</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Ask before runs longer than:</source>
        <translation>다음보다 오래 걸리는 실행 전에 묻기:</translation>
    </message>
</context>
<context>
    <name>migician::ui::RunEstimateActions</name>
    <message>
        <source>Speed measurement failed: %1</source>
        <translation>속도 측정 실패: %1</translation>
    </message>
    <message>
        <source>No estimate: %1</source>
        <translation>추정 불가: %1</translation>
    </message>
    <message>
        <source>Measuring this machine&apos;s speed with a short query...</source>
        <translation>짧은 질의로 이 컴퓨터의 속도를 측정하는 중...</translation>
    </message>
    <message>
        <source>Speed measurement cancelled.</source>
        <translation>속도 측정을 취소했습니다.</translation>
    </message>
    <message>
        <source>Speed measured: estimates now use it.</source>
        <translation>속도를 측정했습니다. 이제 추정에 이 속도를 사용합니다.</translation>
    </message>
</context>
<context>
    <name>migician::ui::RunEstimateService</name>
    <message>
        <source>reading the checkpoint&apos;s tokenizer...</source>
        <translation>체크포인트의 토크나이저를 읽는 중...</translation>
    </message>
    <message>
        <source>the remote endpoint answers: its server&apos;s speed is not known here</source>
        <translation>원격 엔드포인트가 답합니다. 해당 서버의 속도는 여기서 알 수 없습니다</translation>
    </message>
    <message>
        <source>no Migician checkpoint: the built-in assistant answers at once</source>
        <translation>Migician 체크포인트 없음: 내장 도우미가 즉시 답합니다</translation>
    </message>
    <message>
        <source>under 1 s</source>
        <translation>1초 미만</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>토큰 %1개</translation>
    </message>
    <message>
        <source>%1 tokens (text %2 + images %3)</source>
        <translation>토큰 %1개 (텍스트 %2 + 이미지 %3)</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>%1 필요</translation>
    </message>
    <message>
        <source>needs %1, %2 free</source>
        <translation>%1 필요, 여유 %2</translation>
    </message>
    <message>
        <source>~%1</source>
        <translation>~%1</translation>
    </message>
    <message>
        <source>~%1 (rough: from token counts, not measured here yet)</source>
        <translation>~%1 (대략: 토큰 수 기준, 이 컴퓨터에서 아직 측정 안 함)</translation>
    </message>
    <message>
        <source>Prompt: %1 tokens (text %2, images %3), up to %4 new tokens</source>
        <translation>프롬프트: 토큰 %1개 (텍스트 %2, 이미지 %3), 새 토큰 최대 %4개</translation>
    </message>
    <message>
        <source>Memory on %1 in %2: weights %3%4, KV cache %5, activations %6 (%7 attention), runtime %8</source>
        <translation>%1의 메모리 (%2): 가중치 %3%4, KV 캐시 %5, 활성화 %6 (%7 어텐션), 런타임 %8</translation>
    </message>
    <message>
        <source> + %1 mapped checkpoint</source>
        <translation> + 매핑된 체크포인트 %1</translation>
    </message>
    <message>
        <source>fused</source>
        <translation>융합</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>명시적</translation>
    </message>
    <message>
        <source>Still needed: %1 of %2 free</source>
        <translation>추가로 필요: %1 (여유 %2)</translation>
    </message>
    <message>
        <source>Time: vision %1, prefill %2, decode %3 (%4)</source>
        <translation>시간: 비전 %1, 프리필 %2, 디코딩 %3 (%4)</translation>
    </message>
    <message>
        <source>this machine&apos;s measured speed</source>
        <translation>이 컴퓨터에서 측정한 속도</translation>
    </message>
    <message>
        <source>an estimate from token counts only: no run measured on this machine yet</source>
        <translation>토큰 수만으로 추정: 이 컴퓨터에서 아직 측정한 실행 없음</translation>
    </message>
</context>
<context>
    <name>migician::ui::RunHistoryModel</name>
    <message numerus="yes">
        <source>[%n reference(s)] </source>
        <translation>
            <numerusform>[참조 %n개] </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>답변함</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>백엔드</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>질의</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>상자</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>migician::ui::RunProgress</name>
    <message>
        <source>Loading weights: tensor %1 of %2</source>
        <translation>가중치 불러오는 중: 텐서 %1/%2</translation>
    </message>
    <message>
        <source>Vision tower: block %1 of %2</source>
        <translation>비전 타워: 블록 %1/%2</translation>
    </message>
    <message>
        <source>Prefill: layer %1 of %2</source>
        <translation>프리필: 레이어 %1/%2</translation>
    </message>
    <message>
        <source>Decoding: token %1 of up to %2</source>
        <translation>디코딩: 토큰 %1/최대 %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2/%3</translation>
    </message>
    <message>
        <source> | ~%1 left</source>
        <translation> | 약 %1 남음</translation>
    </message>
    <message>
        <source> | %1 tokens/s</source>
        <translation> | %1 토큰/초</translation>
    </message>
    <message>
        <source> | %1 elapsed</source>
        <translation> | %1 경과</translation>
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
    <message>
        <source>Local checkpoint</source>
        <translation>로컬 체크포인트</translation>
    </message>
    <message>
        <source>Remote endpoint (vLLM, SGLang, llama.cpp, migician serve)</source>
        <translation>원격 엔드포인트 (vLLM, SGLang, llama.cpp, migician serve)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>백엔드</translation>
    </message>
    <message>
        <source>Remote endpoint</source>
        <translation>원격 엔드포인트</translation>
    </message>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation>내장 도우미 (OpenCV)</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>기본 URL:</translation>
    </message>
    <message>
        <source>empty: the first model the server lists</source>
        <translation>비워 두면: 서버가 나열한 첫 번째 모델</translation>
    </message>
    <message>
        <source>Served model:</source>
        <translation>제공 모델:</translation>
    </message>
    <message>
        <source>empty: MIGICIAN_API_KEY, or no key</source>
        <translation>비워 두면: MIGICIAN_API_KEY 또는 키 없음</translation>
    </message>
    <message>
        <source>A file holding the key. The key itself is never stored in the settings, projects or exports.</source>
        <translation>키가 들어 있는 파일. 키 자체는 설정, 프로젝트, 내보낸 파일에 절대 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>API 키 파일</translation>
    </message>
    <message>
        <source>API key file:</source>
        <translation>API 키 파일:</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>silence allowed:</source>
        <translation>무응답 허용:</translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation>연결 시간 제한:</translation>
    </message>
    <message>
        <source>more servers of the same model, for batch evaluation</source>
        <translation>일괄 평가용, 같은 모델을 제공하는 추가 서버</translation>
    </message>
    <message>
        <source>in flight each:</source>
        <translation>서버당 동시 요청:</translation>
    </message>
    <message>
        <source>More endpoints:</source>
        <translation>추가 엔드포인트:</translation>
    </message>
    <message>
        <source>Automatic (the checkpoint&apos;s dtype)</source>
        <translation>자동 (체크포인트의 dtype)</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>자동 (%1)</translation>
    </message>
    <message>
        <source>The server answered in %1 ms but does not serve &apos;%2&apos;; it serves: %3</source>
        <translation>서버가 %1 ms 만에 응답했지만 &apos;%2&apos;을(를) 제공하지 않습니다. 제공 모델: %3</translation>
    </message>
    <message>
        <source>Connected in %1 ms. Models: %2</source>
        <translation>%1 ms 만에 연결됨. 모델: %2</translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation>연결 안 됨: %1</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>%1에 연결하는 중...</translation>
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
    <name>migician::ui::StudyExportDialog</name>
    <message>
        <source>Copy the images beside it (self-contained); otherwise refer to them by a relative path</source>
        <translation>이미지를 파일 옆에 복사합니다 (자체 포함). 그렇지 않으면 상대 경로로 참조합니다</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Export study &quot;%1&quot; for an annotator</source>
        <translation>주석자용으로 연구 &quot;%1&quot; 내보내기</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>주석자:</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>저장 위치:</translation>
    </message>
    <message>
        <source>Export for annotator</source>
        <translation>주석자용으로 내보내기</translation>
    </message>
    <message>
        <source>Migician projects (*.migician)</source>
        <translation>Migician 프로젝트 (*.migician)</translation>
    </message>
    <message>
        <source>Choose the annotator and the file to write.</source>
        <translation>주석자와 저장할 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>내보내는 중...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Wrote %1: %2 cases of %3 (%4 already answered), images %5.</source>
        <translation>%1 저장: %3의 사례 %2개 (이미 답한 사례 %4개), 이미지 %5.</translation>
    </message>
    <message>
        <source>copied to %1 (%2 files)</source>
        <translation>%1(으)로 복사함 (파일 %2개)</translation>
    </message>
    <message>
        <source>referenced as %1</source>
        <translation>%1(으)로 참조함</translation>
    </message>
    <message>
        <source>%1 image file(s) were missing.</source>
        <translation>이미지 파일 %1개가 없습니다.</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyListPage</name>
    <message>
        <source>Start / resume</source>
        <translation>시작 / 계속</translation>
    </message>
    <message>
        <source>New study...</source>
        <translation>새 연구...</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>Export for annotator...</source>
        <translation>주석자용으로 내보내기...</translation>
    </message>
    <message>
        <source>Merge responses...</source>
        <translation>응답 병합...</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>연구</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>조건</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>사례</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>주석자</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Your cases</source>
        <translation>내 사례</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>주석자:</translation>
    </message>
    <message>
        <source>Enter your name first.</source>
        <translation>먼저 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>This file holds the cases of %1, exported from %2. When you are done, send the file back to be merged.</source>
        <translation>이 파일에는 %2에서 내보낸 %1의 사례가 들어 있습니다. 완료하면 병합할 수 있도록 파일을 돌려보내세요.</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>시작 안 함</translation>
    </message>
    <message>
        <source>not an annotator of this study</source>
        <translation>이 연구의 주석자가 아님</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%2개 중 %1개 완료</translation>
    </message>
    <message>
        <source>assisted (run #%1)</source>
        <translation>보조 (실행 #%1)</translation>
    </message>
    <message>
        <source>blind</source>
        <translation>블라인드</translation>
    </message>
    <message>
        <source>%1 (%2 per task)</source>
        <translation>%1 (작업당 %2개)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>공개</translation>
    </message>
    <message>
        <source>%1 (%2 per case)</source>
        <translation>%1 (사례당 %2명)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>This file holds no study.</source>
        <translation>이 파일에는 연구가 없습니다.</translation>
    </message>
    <message>
        <source>This project has no study yet: create one with New study...</source>
        <translation>이 프로젝트에는 아직 연구가 없습니다. 새 연구...로 만드세요.</translation>
    </message>
    <message>
        <source>Merge responses from annotators&apos; files</source>
        <translation>주석자 파일의 응답 병합</translation>
    </message>
    <message>
        <source>Migician projects (*.migician);;All files (*)</source>
        <translation>Migician 프로젝트 (*.migician);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 replaced by later answers, %4 already merged, %5 kept (the project&apos;s were later); progress of %6 open cases (annotators: %7).</source>
        <translation>%1: %2개 추가, 나중 답변으로 %3개 교체, %4개 이미 병합됨, %5개 유지 (프로젝트의 답변이 더 나중); 진행 중인 사례 %6개의 진행 상황 갱신 (주석자: %7).</translation>
    </message>
    <message>
        <source>Merge responses</source>
        <translation>응답 병합</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyReportPage</name>
    <message>
        <source>Back to the studies</source>
        <translation>연구 목록으로 돌아가기</translation>
    </message>
    <message>
        <source>Save as Markdown...</source>
        <translation>Markdown으로 저장...</translation>
    </message>
    <message>
        <source>Save as CSV...</source>
        <translation>CSV로 저장...</translation>
    </message>
    <message>
        <source>Save as JSON...</source>
        <translation>JSON으로 저장...</translation>
    </message>
    <message>
        <source>No report to save.</source>
        <translation>저장할 보고서가 없습니다.</translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation>%1: 보고서를 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Save the study report</source>
        <translation>연구 보고서 저장</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyWindow</name>
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
        <source>Drag a box on the image that holds the answer, then submit; or skip.</source>
        <translation>답이 있는 이미지에 상자를 드래그한 뒤 제출하거나 건너뛰세요.</translation>
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
        <source>Thank you, you have finished your cases of this study.</source>
        <translation>감사합니다. 이 연구에서 맡은 사례를 모두 마쳤습니다.</translation>
    </message>
    <message>
        <source>Send this file back (%1) to be merged into the study&apos;s project; the report is made there.</source>
        <translation>이 파일(%1)을 돌려보내 연구 프로젝트에 병합되도록 하세요. 보고서는 그곳에서 만들어집니다.</translation>
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
    <message>
        <source>No remote endpoint is configured (Settings, Backend).</source>
        <translation>원격 엔드포인트가 설정되지 않았습니다 (설정 &gt; 백엔드).</translation>
    </message>
    <message>
        <source>The query needs the Migician checkpoint.</source>
        <translation>이 질의에는 Migician 체크포인트가 필요합니다.</translation>
    </message>
</context>
</TS>
